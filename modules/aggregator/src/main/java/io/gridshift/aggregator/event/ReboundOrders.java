package io.gridshift.aggregator.event;

import io.gridshift.domain.dispatch.DispatchAction;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.event.EventId;
import io.gridshift.domain.site.SiteId;
import io.gridshift.optimizer.ReboundPlan;
import io.gridshift.optimizer.ReboundPlanner;
import io.gridshift.optimizer.SiteReturn;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rebound after an event, as orders. What the sites' resources shed and take back afterwards
 * (deferred jobs, a battery's recharge, a store's re-cooling) is planned with {@link
 * ReboundPlanner} so that the fleet's load stays at most a peak factor x its baseline, and each
 * site that owes energy gets a LIMIT_REBOUND order per owing resource from the moment its event
 * order ends. The agent holds the steps by its own clock: the rebound stays bounded if no
 * aggregator is heard after the event.
 *
 * <p>Kept in the delivery record: each part's {@code owes} (resource id to the energy it takes back
 * per kWh shed, from its envelope when planned) and {@code shedKwh} (resource id to the kWh owed so
 * far, accrued at each loop step from the kW ordered), the delivery's {@code shedTo}, and once sent
 * {@code rebound.dispatched} and each part's {@code rebound}.
 */
final class ReboundOrders {
    /** The length of each step of the return: a meter minute. */
    static final Duration STEP = Duration.ofMinutes(1);

    /** Most steps planned: four hours of one-minute steps. */
    static final int MAX_STEPS = 240;

    /**
     * Share added to each site's owed energy when its steps are planned: a margin for the estimate
     * (the kW ordered, not measured per resource), so that work still queued at the planned end
     * does not come back all at once. Planned into the shares, it keeps the sum of the limits
     * within the fleet's headroom at every step (margin steps appended at a site's highest did not:
     * 19.7 MW of limits against 10.9 MW of headroom in {@code EventDeliveryIT}).
     */
    static final double MARGIN = 0.25;

    private static final double EPS = 1e-6;

    private final ReboundPlanner planner = new ReboundPlanner();
    private final Duration step;
    private final double peakFactor;

    /**
     * @param step the length of each step of the return
     * @param peakFactor the fleet's load after the event stays at most this times its baseline
     */
    ReboundOrders(Duration step, double peakFactor) {
        this.step = step;
        this.peakFactor = peakFactor;
    }

    double peakFactor() {
        return peakFactor;
    }

    /**
     * Adds to each part still heard what its owing resources were ordered to shed since the last
     * accrual (the orders' start the first time), up to {@code now} and at most to the event's end.
     */
    static void accrue(JsonObject d, Instant now) {
        Instant from = Instant.parse(d.getString("shedTo", d.getString("ordersFrom")));
        Instant end = Instant.parse(d.getString("end"));
        Instant to = now.isBefore(end) ? now : end;
        if (!to.isAfter(from)) {
            return;
        }
        double hours = Duration.between(from, to).toMillis() / 3_600_000.0;
        forEachOwing(
                d,
                (p, res, factor) -> {
                    double kw = p.getJsonObject("reduceKw").getDouble(res, 0.0);
                    JsonObject shed = p.getJsonObject("shedKwh");
                    shed.put(res, shed.getDouble(res, 0.0) + kw * hours * factor);
                });
        d.put("shedTo", to.toString());
    }

    /** Whether the rebound is still to be sent and the event's orders end within {@code lead}. */
    static boolean due(JsonObject d, Instant now, Duration lead) {
        return !sent(d) && !now.isBefore(Instant.parse(d.getString("end")).minus(lead));
    }

    /** Whether the current rebound orders went out. */
    static boolean sent(JsonObject d) {
        JsonObject r = d.getJsonObject("rebound");
        return r != null
                && r.getJsonObject("dispatched") != null
                && r.getJsonObject("dispatched").getString("sentAt") != null;
    }

    /**
     * A modification moved the event's end: the rebound is sent again, as the next revision, from
     * the new end.
     */
    static void reopen(JsonObject d) {
        if (sent(d)) {
            d.getJsonObject("rebound").getJsonObject("dispatched").remove("sentAt");
        }
    }

    /**
     * Plans the return and builds the orders, recording the plan in the delivery.
     *
     * @param fleetBaselineKw the fleet's baseline after the event (its online sites' envelopes)
     * @param from when the orders start: when the event's orders end
     * @param now now; what the parts will still shed until {@code from} is counted at the kW now
     *     ordered
     */
    List<DispatchOrder> orders(JsonObject d, double fleetBaselineKw, Instant from, Instant now) {
        accrue(d, now);
        double aheadH = Math.max(0, Duration.between(now, from).toMillis()) / 3_600_000.0;
        Map<String, Map<String, Double>> owed = new LinkedHashMap<>();
        Map<String, Double> maxKw = new LinkedHashMap<>();
        forEachOwing(
                d,
                (p, res, factor) -> {
                    double kwh =
                            p.getJsonObject("shedKwh").getDouble(res, 0.0)
                                    + p.getJsonObject("reduceKw").getDouble(res, 0.0)
                                            * aheadH
                                            * factor;
                    double max = p.getJsonObject("maxKw").getDouble(res, 0.0);
                    if (kwh > EPS && max > EPS) {
                        String site = p.getString("site");
                        owed.computeIfAbsent(site, s -> new LinkedHashMap<>()).put(res, kwh);
                        maxKw.merge(site, max, Double::sum);
                    }
                });
        List<SiteReturn> returns = new ArrayList<>();
        owed.forEach(
                (site, byRes) ->
                        returns.add(
                                new SiteReturn(
                                        SiteId.of(site),
                                        sum(byRes) * (1 + MARGIN),
                                        maxKw.get(site))));
        ReboundPlan plan =
                planner.plan(
                        returns,
                        Collections.nCopies(MAX_STEPS, Math.max(1, fleetBaselineKw)),
                        step,
                        peakFactor);
        JsonObject record = d.getJsonObject("rebound", new JsonObject());
        JsonObject last = record.getJsonObject("dispatched", new JsonObject());
        int revision = last.getInteger("revision", 0) + 1;
        List<DispatchOrder> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, Double>> site : owed.entrySet()) {
            List<Double> kw = steps(plan.siteKw().get(SiteId.of(site.getKey())));
            DispatchOrder o = order(d, site.getKey(), site.getValue(), kw, revision, from, now);
            d.getJsonObject("sites")
                    .getJsonObject(site.getKey())
                    .put(
                            "rebound",
                            new JsonObject()
                                    .put("orderId", o.id().value())
                                    .put("revision", revision)
                                    .put("owedKwh", sum(site.getValue()))
                                    .put("maxAddedKw", new JsonArray(kw)));
            out.add(o);
        }
        record.put(
                "dispatched",
                new JsonObject()
                        .put("sentAt", now.toString())
                        .put("from", from.toString())
                        .put("revision", revision)
                        .put("orders", out.size())
                        .put("interval", step.toString())
                        .put("intervalsUsed", plan.intervalsUsed())
                        .put("fleetBaselineKw", fleetBaselineKw)
                        .put("headroomKw", (peakFactor - 1) * fleetBaselineKw)
                        .put(
                                "owedKwh",
                                returns.stream().mapToDouble(SiteReturn::energyKwh).sum()
                                        / (1 + MARGIN))
                        .put("margin", MARGIN)
                        .put("peakRatio", plan.peakRatio())
                        .put("unreturnedKwh", plan.unreturnedKwh()));
        d.put("rebound", record);
        return out;
    }

    /** The site's steps up to its last with a return. */
    private static List<Double> steps(List<Double> planned) {
        int last = 0;
        for (int t = 0; t < planned.size(); t++) {
            if (planned.get(t) > EPS) {
                last = t;
            }
        }
        return new ArrayList<>(planned.subList(0, last + 1));
    }

    private DispatchOrder order(
            JsonObject d,
            String site,
            Map<String, Double> owedKwh,
            List<Double> siteKw,
            int revision,
            Instant from,
            Instant now) {
        double total = sum(owedKwh);
        List<DispatchAction> actions = new ArrayList<>();
        owedKwh.forEach(
                (res, kwh) ->
                        actions.add(
                                new DispatchAction.LimitRebound(
                                        res,
                                        step,
                                        siteKw.stream().map(kw -> kw * kwh / total).toList())));
        String eventId = d.getString("eventId");
        return new DispatchOrder(
                DispatchId.of(SiteOrders.orderId("rb-", eventId, site)),
                revision,
                EventId.of(eventId),
                SiteId.of(site),
                now,
                from,
                from.plus(step.multipliedBy(siteKw.size())),
                actions);
    }

    private static double sum(Map<String, Double> kwh) {
        return kwh.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** One owing resource of a part still heard. */
    @FunctionalInterface
    private interface Owing {
        void accept(JsonObject part, String resource, double factor);
    }

    private static void forEachOwing(JsonObject d, Owing f) {
        JsonObject sites = d.getJsonObject("sites");
        for (String site : sites.fieldNames()) {
            JsonObject p = sites.getJsonObject(site);
            JsonObject owes = p.getJsonObject("owes");
            if (owes == null || p.getBoolean("lost", false)) {
                continue;
            }
            if (p.getJsonObject("shedKwh") == null) {
                p.put("shedKwh", new JsonObject());
            }
            for (String res : owes.fieldNames()) {
                f.accept(p, res, owes.getDouble(res));
            }
        }
    }
}
