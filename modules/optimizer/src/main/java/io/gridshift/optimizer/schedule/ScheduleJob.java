package io.gridshift.optimizer.schedule;

import io.gridshift.domain.Check;
import io.gridshift.domain.Ids;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * A deferrable or migratable job of the fleet.
 *
 * @param id job id, unique in a request
 * @param origin the site it was submitted at (its data lives there)
 * @param jobClass a label for reports (e.g. {@code batch}, {@code ml-training})
 * @param arrival earliest start
 * @param deadline the job must have finished by then
 * @param duration run time (rounded up to whole slots by the scheduler)
 * @param kw power drawn while running
 * @param interruptible true if it may run in several pieces (checkpointed); false runs contiguously
 * @param dataGb data moved when it runs away from its origin
 * @param allowedZones zones it may run in; empty means any zone
 * @param maxLatencyMs largest latency from the origin's zone to the zone it runs in ({@link
 *     #ANY_LATENCY} for no limit)
 */
public record ScheduleJob(
        String id,
        SiteId origin,
        String jobClass,
        Instant arrival,
        Instant deadline,
        Duration duration,
        double kw,
        boolean interruptible,
        double dataGb,
        Set<GridZone> allowedZones,
        double maxLatencyMs) {
    /** No latency limit. */
    public static final double ANY_LATENCY = 1e6;

    public ScheduleJob {
        Ids.check("id", id);
        Check.required("origin", origin);
        Ids.check("jobClass", jobClass);
        Check.required("arrival", arrival);
        Check.required("deadline", deadline);
        Check.duration("duration", duration, SlotGrid.MAX_HORIZON);
        if (duration.isZero()) {
            throw new InvalidFieldException("duration", "range", duration, "must be above PT0S");
        }
        if (deadline.isBefore(arrival.plus(duration))) {
            throw new InvalidFieldException(
                    "deadline", "order", deadline, "must be at least arrival + duration");
        }
        Check.powerKw("kw", kw);
        Check.range("dataGb", dataGb, 0, 1e7);
        allowedZones = Set.copyOf(Check.required("allowedZones", allowedZones));
        Check.range("maxLatencyMs", maxLatencyMs, 0, ANY_LATENCY);
    }

    /** Whether it may run in {@code zone}. */
    public boolean allows(GridZone zone) {
        return allowedZones.isEmpty() || allowedZones.contains(zone);
    }

    /** Energy of one run at full length, kWh. */
    public double energyKwh() {
        return kw * duration.toSeconds() / 3600.0;
    }
}
