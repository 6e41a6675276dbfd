package io.gridshift.optimizer;

import io.gridshift.domain.Check;
import io.gridshift.domain.flex.FlexEnvelope;
import io.gridshift.domain.flex.FlexResource;
import io.gridshift.domain.flex.MigratableJob;
import io.gridshift.domain.flex.MigratableJobs;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Computing follows electricity": jobs in the event's zones move to sites outside them that have
 * hosting capacity.
 *
 * <p>A job may go to a site whose zone it may run in, whose envelope is valid, and that has its kW
 * of hosting capacity left; it must still meet its deadline there: {@code now + checkpoint ramp +
 * transfer + remainingKwh / kw <= deadline}, the transfer taking {@code dataGb x 8 / Gbps}. A
 * move's cost is the work held up during the transfer ({@code kw x transfer hours x
 * delayValuePerKwh}) plus the difference in energy and carbon cost between the zones for the
 * event's hours; per kWh shed in the event zone it must not exceed {@code maxCostPerKwh}.
 *
 * <p>Greedy, cheapest move first, each job to its cheapest destination with room (an assignment
 * with capacities; exact when capacities do not bind). A zone never sheds by migration more than
 * its smallest target over the event, so a move never over-delivers, and the receiving site's added
 * load is reported separately, never netted against the event zone's reduction twice.
 */
public final class MigrationPlanner {

    public MigrationPlan plan(
            List<FleetSite> sites,
            Horizon horizon,
            List<ZoneTarget> targets,
            List<ZoneMarket> markets,
            MigrationOptions options) {
        return plan(sites, horizon, targets, markets, options, Map.of());
    }

    /**
     * The same, with a lower ceiling per event zone: {@link EventPlanner} passes the dearest cost
     * per kWh the allocation pays there, so that a move is made only where it is cheaper than what
     * it displaces.
     */
    public MigrationPlan plan(
            List<FleetSite> sites,
            Horizon horizon,
            List<ZoneTarget> targets,
            List<ZoneMarket> markets,
            MigrationOptions options,
            Map<GridZone, Double> ceilingPerKwh) {
        Check.required("ceilingPerKwh", ceilingPerKwh);
        Check.required("sites", sites);
        Check.required("horizon", horizon);
        Check.required("targets", targets);
        Check.required("options", options);
        Map<GridZone, ZoneMarket> market = new HashMap<>();
        for (int i = 0; i < Check.required("markets", markets).size(); i++) {
            ZoneMarket m = Check.required("markets[" + i + "]", markets.get(i));
            market.put(m.zone(), m);
        }
        Map<GridZone, double[]> left = new LinkedHashMap<>();
        Map<GridZone, Double> room = new HashMap<>();
        for (ZoneTarget t : targets) {
            double[] kw = t.reductionKw().stream().mapToDouble(Double::doubleValue).toArray();
            left.put(t.zone(), kw);
            double min = Double.POSITIVE_INFINITY;
            for (double v : kw) {
                min = Math.min(min, v);
            }
            room.put(t.zone(), min);
        }
        double eventHours = 0;
        for (double h : horizon.hours()) {
            eventHours += h;
        }
        Map<SiteId, Double> capacity = new HashMap<>();
        List<FleetSite> hosts = new ArrayList<>();
        for (FleetSite s : sites) {
            FlexEnvelope e = s.envelope();
            if (!left.containsKey(e.zone())
                    && e.isValidAt(horizon.now())
                    && e.hostingCapacityKw() > 0) {
                hosts.add(s);
                capacity.put(s.site(), e.hostingCapacityKw());
            }
        }
        List<Option> options0 = new ArrayList<>();
        for (FleetSite s : sites) {
            FlexEnvelope e = s.envelope();
            if (!left.containsKey(e.zone()) || !e.isValidAt(horizon.now())) {
                continue;
            }
            for (FlexResource r : e.resources()) {
                if (r instanceof MigratableJobs m) {
                    for (MigratableJob j : m.jobs()) {
                        double ceiling =
                                Math.min(
                                        options.maxCostPerKwh(),
                                        ceilingPerKwh.getOrDefault(
                                                e.zone(), Double.POSITIVE_INFINITY));
                        options0.addAll(
                                options(
                                        s,
                                        m,
                                        j,
                                        hosts,
                                        market,
                                        horizon,
                                        eventHours,
                                        options,
                                        ceiling));
                    }
                }
            }
        }
        options0.sort(Comparator.comparingDouble(Option::perKwh));
        return choose(options0, left, room, capacity, targets, horizon);
    }

    /** One way to move one job. */
    private record Option(
            FleetSite from, MigratableJobs resource, MigratableJob job, Move move, double perKwh) {}

    private static List<Option> options(
            FleetSite from,
            MigratableJobs m,
            MigratableJob j,
            List<FleetSite> hosts,
            Map<GridZone, ZoneMarket> market,
            Horizon horizon,
            double eventHours,
            MigrationOptions o,
            double ceiling) {
        List<Option> out = new ArrayList<>();
        if (j.kw() <= 0) {
            return out;
        }
        Duration transfer = Duration.ofMillis((long) (j.dataGb() * 8 / o.transferGbps() * 1000));
        double runHours = j.remainingKwh() / j.kw();
        Instant done =
                horizon.now()
                        .plus(m.ramp())
                        .plus(transfer)
                        .plusMillis((long) (runHours * 3_600_000));
        if (done.isAfter(j.deadline())) {
            return out;
        }
        ZoneMarket src = market.get(from.zone());
        double transferHours = transfer.toMillis() / 3_600_000.0;
        double movedHours = Math.min(eventHours, runHours);
        for (FleetSite h : hosts) {
            ZoneMarket dst = market.get(h.zone());
            if (!j.mayRunIn(h.zone()) || h.envelope().hostingCapacityKw() < j.kw()) {
                continue;
            }
            double energyDelta =
                    src == null || dst == null
                            ? 0
                            : dst.costPerKwh(o.carbonPricePerKg())
                                    - src.costPerKwh(o.carbonPricePerKg());
            double cost =
                    j.kw() * transferHours * o.delayValuePerKwh()
                            + j.kw() * movedHours * energyDelta;
            // per kWh the source's grid import falls: its IT kW times its PUE
            double perKwh = cost / (j.kw() * from.pue() * eventHours);
            if (perKwh <= ceiling) {
                Move mv =
                        new Move(
                                j.id(),
                                from.site(),
                                from.zone(),
                                h.site(),
                                h.zone(),
                                j.kw(),
                                transfer,
                                cost);
                out.add(new Option(from, m, j, mv, perKwh));
            }
        }
        return out;
    }

    private static MigrationPlan choose(
            List<Option> sorted,
            Map<GridZone, double[]> left,
            Map<GridZone, Double> room,
            Map<SiteId, Double> capacity,
            List<ZoneTarget> targets,
            Horizon horizon) {
        List<Move> moves = new ArrayList<>();
        Map<SiteId, Double> added = new HashMap<>();
        java.util.Set<String> moved = new java.util.HashSet<>();
        double cost = 0;
        for (Option o : sorted) {
            Move mv = o.move();
            String key = mv.from() + "/" + mv.job();
            double zoneRoom = room.get(mv.fromZone());
            // the source's grid import falls by the job's IT kW times its PUE: what counts
            // against the zone's target (hosting capacity is IT kW)
            double reduction = mv.kw() * o.from().pue();
            if (moved.contains(key) || capacity.get(mv.to()) < mv.kw() || zoneRoom < reduction) {
                continue;
            }
            moved.add(key);
            moves.add(mv);
            cost += mv.cost();
            capacity.merge(mv.to(), -mv.kw(), Double::sum);
            added.merge(mv.to(), mv.kw(), Double::sum);
            room.put(mv.fromZone(), zoneRoom - reduction);
            double[] ready = horizon.readiness(o.resource().ramp());
            double[] kw = left.get(mv.fromZone());
            for (int t = 0; t < kw.length; t++) {
                kw[t] = Math.max(0, kw[t] - reduction * ready[t]);
            }
        }
        List<ZoneTarget> remaining = new ArrayList<>();
        for (ZoneTarget t : targets) {
            List<Double> kw = new ArrayList<>();
            for (double v : left.get(t.zone())) {
                kw.add(v);
            }
            remaining.add(new ZoneTarget(t.zone(), kw));
        }
        return new MigrationPlan(moves, remaining, added, cost);
    }
}
