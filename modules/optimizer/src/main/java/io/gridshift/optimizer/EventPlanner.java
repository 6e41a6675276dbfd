package io.gridshift.optimizer;

import io.gridshift.domain.Check;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Migration and allocation together. A first allocation prices each event zone: the dearest cost
 * per kWh it pays there. Jobs then move only where their cost per kWh shed is below that (and the
 * options' ceiling), and the targets they leave are allocated again. This is what the aggregator's
 * orchestration calls between the opt decision and the orders.
 */
public final class EventPlanner {
    private final Allocator allocator;
    private final MigrationPlanner migrations;

    public EventPlanner(Allocator allocator, MigrationPlanner migrations) {
        this.allocator = Check.required("allocator", allocator);
        this.migrations = Check.required("migrations", migrations);
    }

    public EventPlan plan(
            AllocationRequest request,
            List<ZoneMarket> markets,
            MigrationOptions migration,
            SolverOptions solver) {
        Allocation first = allocator.allocate(request, solver);
        Map<SiteId, GridZone> zoneOf = new HashMap<>();
        request.sites().forEach(s -> zoneOf.put(s.site(), s.zone()));
        double[] hours = request.horizon().hours();
        Map<GridZone, Double> dearest = new HashMap<>();
        for (ResourceAllocation r : first.resources()) {
            double kwh = 0;
            for (int t = 0; t < hours.length; t++) {
                kwh += r.kw().get(t) * hours[t];
            }
            if (kwh > 1e-9) {
                dearest.merge(zoneOf.get(r.site()), r.cost() / kwh, Math::max);
            }
        }
        for (ZoneResult z : first.zones()) {
            if (z.isShort()) {
                // short of flexibility: any move within the options' ceiling helps
                dearest.put(z.zone(), Double.POSITIVE_INFINITY);
            }
        }
        MigrationPlan moves =
                migrations.plan(
                        request.sites(),
                        request.horizon(),
                        request.targets(),
                        markets,
                        migration,
                        dearest);
        if (moves.moves().isEmpty()) {
            return new EventPlan(moves, first);
        }
        return new EventPlan(
                moves, allocator.allocate(request.withTargets(moves.remainingTargets()), solver));
    }
}
