package io.gridshift.domain.flex;

import io.gridshift.domain.Check;
import io.gridshift.domain.Ids;
import io.gridshift.domain.site.GridZone;
import java.time.Instant;
import java.util.Set;

/**
 * A running or queued job that could continue at another site.
 *
 * @param id job id, unique within the site
 * @param kw power the job draws
 * @param remainingKwh energy the job still needs
 * @param deadline when it must be finished
 * @param dataGb data to move with it (checkpoint and inputs)
 * @param allowedZones zones it may run in (data residency); empty means any
 */
public record MigratableJob(
        String id,
        double kw,
        double remainingKwh,
        Instant deadline,
        double dataGb,
        Set<GridZone> allowedZones) {
    /** One petabyte: more than any checkpoint we expect to move. */
    public static final double MAX_DATA_GB = 1_000_000;

    public MigratableJob {
        Ids.check("id", id);
        Check.powerKw("kw", kw);
        Check.energyKwh("remainingKwh", remainingKwh);
        Check.required("deadline", deadline);
        Check.range("dataGb", dataGb, 0, MAX_DATA_GB);
        allowedZones = Set.copyOf(Check.size("allowedZones", allowedZones, 0, 256));
    }

    /** Whether the job may run in {@code zone}. */
    public boolean mayRunIn(GridZone zone) {
        return allowedZones.isEmpty() || allowedZones.contains(zone);
    }
}
