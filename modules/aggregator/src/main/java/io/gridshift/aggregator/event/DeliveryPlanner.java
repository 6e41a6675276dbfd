package io.gridshift.aggregator.event;

import io.gridshift.aggregator.fleet.SiteView;
import io.gridshift.domain.flex.FlexResource;
import io.gridshift.domain.flex.ResourceKind;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import io.gridshift.optimizer.Allocation;
import io.gridshift.optimizer.AllocationRequest;
import io.gridshift.optimizer.Allocator;
import io.gridshift.optimizer.Bid;
import io.gridshift.optimizer.BidOptions;
import io.gridshift.optimizer.Bidder;
import io.gridshift.optimizer.DeliveryHistory;
import io.gridshift.optimizer.EventPlan;
import io.gridshift.optimizer.EventPlanner;
import io.gridshift.optimizer.FleetSite;
import io.gridshift.optimizer.Horizon;
import io.gridshift.optimizer.MigrationPlanner;
import io.gridshift.optimizer.Move;
import io.gridshift.optimizer.ReboundPlan;
import io.gridshift.optimizer.ReboundPlanner;
import io.gridshift.optimizer.ResourceAllocation;
import io.gridshift.optimizer.SolverReport;
import io.gridshift.optimizer.ZoneTarget;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns an event and the fleet into a delivery: the bid, the plan (migrations, then the least-cost
 * allocation of what is left, with a reserve kept), the rebound, and one part per site with the
 * actions of the first interval. Pure apart from the allocator's solver; the caller issues the
 * orders.
 */
public final class DeliveryPlanner {
    /** Loop steps between the slowest resource's landing and the event's start. */
    static final int SETTLE_STEPS = 3;

    /** Post-event intervals the rebound is planned over. */
    static final int REBOUND_INTERVALS = 8;

    private final EventPlanner planner;
    private final Bidder bidder = new Bidder();
    private final ReboundPlanner rebound = new ReboundPlanner();
    private final EventOptions options;

    public DeliveryPlanner(Allocator allocator, EventOptions options) {
        this.planner = new EventPlanner(allocator, new MigrationPlanner());
        this.options = options;
    }

    /**
     * When the orders start: the lead before the start (the ramp-up, when longer), never before
     * now, so that the fleet is at its commitment when the event starts.
     */
    Instant orderStart(EventRequest e, Instant now) {
        return orderStart(e, now, Duration.ZERO);
    }

    /**
     * When the orders start: {@code lead} before the start, or earlier when a resource the plan may
     * use is slower ({@code slowest}: a job's checkpoint before it moves), so that it has landed
     * and the loop has had {@link #SETTLE_STEPS} steps to balance it before the start (a move
     * landing during the event is a step of hundreds of kW the loop would see a step late).
     */
    Instant orderStart(EventRequest e, Instant now, Duration slowest) {
        Duration lead = options.lead();
        Duration settle = slowest.plus(options.loopPeriod().multipliedBy(SETTLE_STEPS));
        if (!slowest.isZero() && settle.compareTo(lead) > 0) {
            lead = settle;
        }
        Instant s = e.start().minus(lead);
        if (e.rampFrom().isBefore(s)) {
            s = e.rampFrom();
        }
        return s.isBefore(now) ? now : s;
    }

    /**
     * @param sites the fleet's online sites
     * @param history each site's delivery ratios from earlier events
     */
    public JsonObject plan(
            EventRequest e,
            List<SiteView> sites,
            Function<SiteId, DeliveryHistory> history,
            Instant now) {
        List<FleetSite> fleet = new ArrayList<>();
        Map<SiteId, SiteView> views = new LinkedHashMap<>();
        for (SiteView v : sites) {
            if (v.envelope() != null && v.envelope().isValidAt(now)) {
                fleet.add(new FleetSite(v.envelope(), history.apply(v.site()), pue(v)));
                views.put(v.site(), v);
            }
        }
        List<ZoneTarget> targets = targets(e, fleet);
        Set<GridZone> zones = new HashSet<>();
        targets.forEach(t -> zones.add(t.zone()));
        Duration slowest = Duration.ZERO;
        for (FleetSite f : fleet) {
            if (zones.contains(f.zone())) {
                for (FlexResource r : f.envelope().resources()) {
                    slowest = r.ramp().compareTo(slowest) > 0 ? r.ramp() : slowest;
                }
            }
        }
        Instant from = orderStart(e, now, slowest);
        // planned on the envelopes in hand, each valid now: as of the orders' start (up to the
        // event's notice ahead) they may have expired, and the plan would hold no site at all
        // (the demo's event, announced 30 min ahead, was left wholly to the loop). The orders
        // start at least the slowest ramp before the event, so what is ready at its start is the
        // same either way.
        Horizon horizon = new Horizon(now, e.start(), e.intervals());
        Bid bid =
                bidder.bid(fleet, horizon, zones, options.reserveShare(), 0, BidOptions.defaults());
        AllocationRequest request =
                new AllocationRequest(fleet, horizon, targets, options.reserveShare(), 0);
        EventPlan plan =
                planner.plan(request, options.markets(), options.migration(), options.solver());
        JsonObject d = new JsonObject();
        d.put("eventId", e.id())
                .put("modificationNumber", e.modification())
                .put("status", "DISPATCHED")
                .put("plannedAt", now.toString())
                .put("ordersFrom", from.toString())
                .put("start", e.start().toString())
                .put("end", e.end().toString())
                .put("zones", new JsonArray(zones.stream().map(GridZone::code).sorted().toList()))
                .put("commitmentKw", new JsonArray(e.reductionKw()))
                .put(
                        "firmKw",
                        new JsonArray(bid.intervals().stream().map(i -> i.firmKw()).toList()))
                .put("solver", solver(plan.allocation()))
                .put("cost", plan.cost())
                .put("moves", moves(plan.migration().moves()))
                .put("rebound", rebound(request, plan.allocation(), views))
                .put("sites", sites(e, plan, views, zones, from))
                .put("samples", new JsonArray());
        return d;
    }

    /** The site's PUE from its latest telemetry; 1 without any. */
    private static double pue(SiteView v) {
        return v == null || v.latest() == null
                ? 1
                : FleetSite.pueOf(v.latest().facilityKw(), v.latest().itKw());
    }

    private static List<ZoneTarget> targets(EventRequest e, List<FleetSite> fleet) {
        Map<String, Double> flexByZone = new LinkedHashMap<>();
        for (FleetSite s : fleet) {
            String z = s.zone().code();
            if (e.zones().isEmpty() || e.zones().contains(z)) {
                flexByZone.merge(z, s.envelope().maxReductionKw(), Double::sum);
            }
        }
        double all = flexByZone.values().stream().mapToDouble(Double::doubleValue).sum();
        List<ZoneTarget> out = new ArrayList<>();
        for (Map.Entry<String, Double> z : flexByZone.entrySet()) {
            double share = all > 0 ? z.getValue() / all : 0;
            out.add(
                    new ZoneTarget(
                            GridZone.of(z.getKey()),
                            e.reductionKw().stream().map(kw -> kw * share).toList()));
        }
        if (out.isEmpty()) {
            out.add(
                    new ZoneTarget(
                            GridZone.of(e.zones().isEmpty() ? "NONE" : e.zones().iterator().next()),
                            e.reductionKw()));
        }
        return out;
    }

    private JsonObject sites(
            EventRequest e,
            EventPlan plan,
            Map<SiteId, SiteView> views,
            Set<GridZone> zones,
            Instant from) {
        JsonObject out = new JsonObject();
        for (SiteView v : views.values()) {
            if (zones.contains(v.envelope().zone())) {
                out.put(v.site().value(), part(e, v, true));
            }
        }
        Map<SiteId, Double> movedItKw = new LinkedHashMap<>();
        plan.migration().moves().forEach(m -> movedItKw.merge(m.from(), m.kw(), Double::sum));
        for (Map.Entry<SiteId, Double> moving : movedItKw.entrySet()) {
            SiteView v = views.get(moving.getKey());
            JsonObject part = out.getJsonObject(moving.getKey().value());
            dropPowerCaps(part, v);
            shrinkCooling(part, v, moving.getValue() * (pue(v) - 1));
        }
        Map<SiteId, List<ResourceAllocation>> bySite = plan.allocation().bySite();
        for (Map.Entry<SiteId, List<ResourceAllocation>> s : bySite.entrySet()) {
            JsonObject part = out.getJsonObject(s.getKey().value());
            JsonObject reduce = part.getJsonObject("reduceKw");
            for (ResourceAllocation r : s.getValue()) {
                if (!part.getJsonObject("maxKw").containsKey(r.resource())) {
                    continue; // a power cap at a site moving jobs out (see dropPowerCaps)
                }
                // at most the part's max (a site moving jobs out keeps less to coast)
                double max = part.getJsonObject("maxKw").getDouble(r.resource());
                double kw = Math.min(r.kw().get(0), max);
                reduce.put(r.resource(), kw);
                IntervalSteps.plan(part, r.resource(), r.kw().stream().map(k -> Math.min(k, max)));
                SiteOrders.inFlight(out.getJsonObject(s.getKey().value()), from, r.resource(), kw);
            }
        }
        for (Move m : plan.migration().moves()) {
            JsonObject source = out.getJsonObject(m.from().value());
            // the source's import falls by the job's IT kW times the source's PUE
            double gridKw = m.kw() * pue(views.get(m.from()));
            source.getJsonArray("migrations")
                    .add(migration("MIGRATE_OUT", m.job(), m.to(), m.kw()).put("gridKw", gridKw));
            SiteOrders.moveInFlight(source, from, gridKw);
            JsonObject to = out.getJsonObject(m.to().value());
            if (to == null) {
                to = part(e, views.get(m.to()), false);
                out.put(m.to().value(), to);
            }
            to.getJsonArray("migrations").add(migration("MIGRATE_IN", m.job(), m.from(), m.kw()));
        }
        return out;
    }

    /**
     * A site moving training jobs out is not also ordered to cap its GPUs: the envelope offers both
     * over the same GPUs, so the cap's kW shrink when the jobs leave (a step the loop sees late,
     * seen as a fleet swinging ±15 % in {@code EventDeliveryIT}). Its caps leave the part; the loop
     * covers their share from the other sites before the start.
     */
    private static void dropPowerCaps(JsonObject part, SiteView v) {
        for (FlexResource r : v.envelope().resources()) {
            if (r.kind() == ResourceKind.POWER_CAP) {
                part.getJsonObject("maxKw").remove(r.id());
                part.getJsonArray("fast").remove(r.id());
            }
        }
    }

    /**
     * A site moving jobs out sheds their cooling with them (counted in the moves' kW, the IT kW
     * times the PUE): its chillers then run less, so the chilled-water store has that much less
     * chiller power to switch off. Without this the same cooling is counted twice, and the site
     * refuses the coast it was ordered once the jobs have left ({@code EventDeliveryIT}: "reduction
     * of 1511 kW on 'chw' is above what it can give now").
     */
    private static void shrinkCooling(JsonObject part, SiteView v, double overheadKw) {
        JsonObject max = part.getJsonObject("maxKw");
        for (FlexResource r : v.envelope().resources()) {
            if (r.kind() == ResourceKind.THERMAL && max.containsKey(r.id())) {
                max.put(r.id(), Math.max(0, max.getDouble(r.id()) - overheadKw));
            }
        }
    }

    private JsonObject part(EventRequest e, SiteView v, boolean inEventZone) {
        JsonObject max = new JsonObject();
        JsonArray fast = new JsonArray();
        JsonObject ramps = new JsonObject();
        JsonObject owes = new JsonObject();
        if (inEventZone) {
            for (FlexResource r : v.envelope().resources()) {
                if (ReboundPlanner.factor(r) > 0) {
                    owes.put(r.id(), ReboundPlanner.factor(r));
                }
                ramps.put(
                        r.kind() == ResourceKind.MIGRATABLE_JOBS ? SiteOrders.MOVES : r.id(),
                        r.ramp().getSeconds());
                if (r.kind() != ResourceKind.MIGRATABLE_JOBS) {
                    max.put(r.id(), r.maxReductionKw());
                    if (r.ramp().compareTo(options.loopPeriod()) <= 0) {
                        fast.add(r.id());
                    }
                }
            }
        }
        return new JsonObject()
                .put("site", v.site().value())
                .put("zone", v.envelope().zone().code())
                .put("inEventZone", inEventZone)
                .put("orderId", SiteOrders.orderId(e.id(), v.site().value()))
                .put("revision", 0)
                .put("baselineKw", v.latest() == null ? 0.0 : v.latest().gridImportKw())
                .put("maxKw", max)
                .put("fast", fast)
                .put("rampS", ramps)
                .put("owes", owes)
                .put("shedKwh", new JsonObject())
                .put("inFlight", new JsonArray())
                .put("reduceKw", new JsonObject())
                .put("migrations", new JsonArray())
                .put("lost", false)
                .put("achievedKw", 0.0)
                .put("ratios", new JsonArray());
    }

    private static JsonObject migration(String kind, String job, SiteId other, double kw) {
        return new JsonObject()
                .put("kind", kind)
                .put("job", job)
                .put("site", other.value())
                .put("kw", kw);
    }

    private static JsonArray moves(List<Move> moves) {
        JsonArray out = new JsonArray();
        for (Move m : moves) {
            out.add(
                    new JsonObject()
                            .put("job", m.job())
                            .put("from", m.from().value())
                            .put("fromZone", m.fromZone().code())
                            .put("to", m.to().value())
                            .put("toZone", m.toZone().code())
                            .put("kw", m.kw())
                            .put("cost", m.cost()));
        }
        return out;
    }

    /** How the allocation was solved: the solver, its status and gap, and any fallback. */
    private static JsonObject solverJson(SolverReport r) {
        return new JsonObject()
                .put("name", r.solver())
                .put("status", r.status())
                .put("gap", Double.isFinite(r.gap()) ? r.gap() : null)
                .put("fallback", r.fallback())
                .put("fallbackReason", r.fallbackReason())
                .put("millis", r.millis());
    }

    private static JsonObject solver(Allocation a) {
        return new JsonObject()
                .put("solver", solverJson(a.report()))
                .put("cost", a.cost())
                .put(
                        "shortfallKw",
                        a.zones().stream()
                                .mapToDouble(
                                        z ->
                                                z.shortfallKw().stream()
                                                        .mapToDouble(d -> d)
                                                        .max()
                                                        .orElse(0))
                                .sum());
    }

    private JsonObject rebound(
            AllocationRequest request, Allocation allocation, Map<SiteId, SiteView> views) {
        double baseline = 0;
        for (SiteView v : views.values()) {
            baseline += v.latest() == null ? 0 : v.latest().gridImportKw();
        }
        Duration step = ReboundOrders.STEP;
        ReboundPlan r =
                rebound.plan(
                        ReboundPlanner.returnsOf(request, allocation),
                        Collections.nCopies(REBOUND_INTERVALS, Math.max(1, baseline)),
                        step,
                        options.reboundPeakFactor());
        return new JsonObject()
                .put("peakRatio", r.peakRatio())
                .put("intervalsUsed", r.intervalsUsed())
                .put("interval", step.toString())
                .put("unreturnedKwh", r.unreturnedKwh());
    }
}
