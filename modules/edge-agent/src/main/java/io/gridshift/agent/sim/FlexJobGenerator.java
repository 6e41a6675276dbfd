package io.gridshift.agent.sim;

import io.gridshift.agent.schedule.JobOptions;
import io.gridshift.domain.schedule.FlexibleJob;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The simulated site's flexible jobs: submissions as a Poisson process, each known up to {@code
 * maxLead} before it may start (that is what a day-ahead plan works with). Deterministic: the same
 * seed and start give the same jobs whatever the clock's steps.
 *
 * <p>Each job: arrival 0 to maxLead after submission (whole minutes), 15 minutes to 4 hours of run
 * time in quarter hours, a deadline 1 to 20 hours of slack later (quarter hours), 50 to 400 kW,
 * interruptible 4 times in 10, 1 to 200 GB of data, and 3 in 10 bound to the site's own zone.
 */
public final class FlexJobGenerator {
    private static final String[] CLASSES = {"batch", "training", "etl"};

    private final Random random;
    private final JobOptions options;
    private final GridZone zone;
    private final String prefix;
    private Instant nextSubmission;
    private int count;

    public FlexJobGenerator(JobOptions options, SiteId site, GridZone zone, Instant start) {
        this.options = options;
        this.zone = zone;
        this.random = new Random(options.seed());
        this.prefix = JobIds.prefix(site, "-j");
        this.nextSubmission = start.plus(gap());
    }

    /** The jobs submitted after the last call, up to {@code now}, in submission order. */
    public List<FlexibleJob> submittedUntil(Instant now) {
        List<FlexibleJob> out = new ArrayList<>();
        while (!nextSubmission.isAfter(now)) {
            out.add(next(nextSubmission));
            nextSubmission = nextSubmission.plus(gap());
        }
        return out;
    }

    private FlexibleJob next(Instant submitted) {
        long leadMinutes = options.maxLead().toMinutes();
        Instant arrival =
                submitted.plus(
                        Duration.ofMinutes(
                                leadMinutes == 0 ? 0 : random.nextLong(leadMinutes + 1)));
        Duration duration = Duration.ofMinutes(15L * (1 + random.nextInt(16)));
        Duration slack = Duration.ofMinutes(15L * (4 + random.nextInt(77)));
        double kw = 50 + 10 * random.nextInt(36);
        boolean interruptible = random.nextInt(10) < 4;
        double dataGb = 1 + random.nextInt(200);
        Set<GridZone> zones = random.nextInt(10) < 3 ? Set.of(zone) : Set.of();
        String jobClass = CLASSES[random.nextInt(CLASSES.length)];
        return new FlexibleJob(
                prefix + (++count),
                jobClass,
                arrival,
                arrival.plus(duration).plus(slack),
                duration,
                kw,
                interruptible,
                dataGb,
                zones);
    }

    /** Exponential gaps, whole seconds, at least one. */
    private Duration gap() {
        double hours = -Math.log(1 - random.nextDouble()) / options.jobsPerHour();
        return Duration.ofSeconds(Math.max(1, Math.round(hours * 3600)));
    }
}
