package io.gridshift.optimizer.schedule;

import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import java.time.Instant;
import java.util.List;

/**
 * Where and when a job runs.
 *
 * @param jobId the job
 * @param site the site it runs at (its origin, or another site when it migrates)
 * @param zone that site's zone
 * @param runs its runs, in time order, on slot boundaries (one for a non-interruptible job)
 * @param kw its power while running
 * @param migrated true when {@code site} is not the job's origin
 */
public record JobAssignment(
        String jobId, SiteId site, GridZone zone, List<Run> runs, double kw, boolean migrated) {
    public JobAssignment {
        runs = List.copyOf(runs);
    }

    /** When it first starts. */
    public Instant start() {
        return runs.get(0).start();
    }

    /** When it last stops. */
    public Instant end() {
        return runs.get(runs.size() - 1).end();
    }
}
