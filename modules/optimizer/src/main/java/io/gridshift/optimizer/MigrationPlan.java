package io.gridshift.optimizer;

import io.gridshift.domain.site.SiteId;
import java.util.List;
import java.util.Map;

/**
 * The migrations chosen for an event.
 *
 * @param moves the jobs that move
 * @param remainingTargets the event's targets less what the moves shed in each interval (a job
 *     sheds from when its checkpoint ramp ends); what the allocation must still cover
 * @param addedLoadKw load each receiving site takes on; it is not a reduction anywhere, so the
 *     saving is counted once, in the event zone
 * @param cost total cost of the moves
 */
public record MigrationPlan(
        List<Move> moves,
        List<ZoneTarget> remainingTargets,
        Map<SiteId, Double> addedLoadKw,
        double cost) {
    public MigrationPlan {
        moves = List.copyOf(moves);
        remainingTargets = List.copyOf(remainingTargets);
        addedLoadKw = Map.copyOf(addedLoadKw);
    }
}
