package io.gridshift.optimizer.schedule;

import io.gridshift.domain.site.GridZone;
import java.util.Map;

/**
 * A plan scored on the actual signals. Unplaced jobs are scored as they will run: at arrival at
 * their origin.
 *
 * @param total all jobs
 * @param byZone by the zone the job ran in
 * @param byOriginZone by the zone of the job's origin site (where it would have run)
 * @param byClass by job class
 */
public record ScheduleScore(
        Totals total,
        Map<GridZone, Totals> byZone,
        Map<GridZone, Totals> byOriginZone,
        Map<String, Totals> byClass) {
    public ScheduleScore {
        byZone = Map.copyOf(byZone);
        byOriginZone = Map.copyOf(byOriginZone);
        byClass = Map.copyOf(byClass);
    }
}
