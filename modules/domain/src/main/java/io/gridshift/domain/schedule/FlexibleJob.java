package io.gridshift.domain.schedule;

import io.gridshift.domain.Check;
import io.gridshift.domain.Ids;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.GridZone;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * A job in a site's queue whose start (and possibly site) the day-ahead plan may choose.
 *
 * @param id job id, unique within the site
 * @param jobClass what kind of work it is, e.g. {@code batch} or {@code training} (an id)
 * @param arrival when it became ready to run; run-at-arrival starts it then
 * @param deadline when it must be finished
 * @param duration how long it runs at {@code kw}
 * @param kw power it draws while running
 * @param interruptible whether it may run in separate pieces
 * @param dataGb data to move with it if it runs at another site
 * @param allowedZones zones it may run in (data residency); empty means any
 */
public record FlexibleJob(
        String id,
        String jobClass,
        Instant arrival,
        Instant deadline,
        Duration duration,
        double kw,
        boolean interruptible,
        double dataGb,
        Set<GridZone> allowedZones) {
    /** No flexible job runs longer than a week. */
    public static final Duration MAX_DURATION = Duration.ofDays(7);

    /** One petabyte, as for a migratable job. */
    public static final double MAX_DATA_GB = 1_000_000;

    public FlexibleJob {
        Ids.check("id", id);
        Ids.check("class", jobClass);
        Check.required("arrival", arrival);
        Check.required("deadline", deadline);
        Check.after("deadline", deadline, "arrival", arrival);
        Check.duration("duration", duration, MAX_DURATION);
        if (duration.isZero()) {
            throw new InvalidFieldException("duration", "range", duration, "must be positive");
        }
        if (Duration.between(arrival, deadline).compareTo(duration) < 0) {
            throw new InvalidFieldException(
                    "deadline",
                    "order",
                    deadline,
                    "must leave the job's duration ("
                            + duration
                            + ") after arrival ("
                            + arrival
                            + ")");
        }
        Check.range("kw", kw, 0, Check.MAX_SITE_KW);
        Check.range("dataGb", dataGb, 0, MAX_DATA_GB);
        allowedZones = Set.copyOf(Check.size("allowedZones", allowedZones, 0, 256));
    }

    /** Energy the job needs: {@code kw} over its duration. */
    public double energyKwh() {
        return kw * duration.toMillis() / 3_600_000.0;
    }

    /** The latest instant the job can start and still finish by its deadline. */
    public Instant latestStart() {
        return deadline.minus(duration);
    }

    /** Whether the job may run in {@code zone}. */
    public boolean mayRunIn(GridZone zone) {
        return allowedZones.isEmpty() || allowedZones.contains(zone);
    }
}
