package io.gridshift.aggregator.event;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The allocation's later intervals, fed forward. An event may ask a different reduction in each
 * interval; the allocation plans every interval, and each part keeps its resources' planned kW
 * ({@code plannedKw}: resource id to kW per interval) and the interval it was last moved to ({@code
 * plannedFor}). One loop period before an interval begins, each live part's reduction moves by the
 * plan's difference for the site (on top of whatever the loop has added or released), on its fast
 * resources first ({@link SiteOrders#adjust}): they land within the period, so the step is taken at
 * the boundary and not ramped in over the minutes before it, as a slow resource moved by its own
 * plan would be (a chilled-water store's 2 min ramp put 24 % too much into the minute before the
 * boundary in {@code EventDeliveryIT}). The loop is told ({@code feedForward}: the interval and the
 * kW moved towards it) and aims at the coming interval's commitment by that much, instead of
 * ordering the change away while it lands.
 */
final class IntervalSteps {
    private IntervalSteps() {}

    /** Records the planned kW of {@code resource} in each interval, starting at interval 0. */
    static void plan(JsonObject part, String resource, Stream<Double> kwPerInterval) {
        if (part.getJsonObject("plannedKw") == null) {
            part.put("plannedKw", new JsonObject()).put("plannedFor", 0);
        }
        part.getJsonObject("plannedKw").put(resource, new JsonArray(kwPerInterval.toList()));
    }

    /**
     * The plan no longer holds (a modification changed the commitments): the loop alone goes on.
     */
    static void drop(JsonObject d) {
        d.remove("feedForward");
        JsonObject sites = d.getJsonObject("sites");
        for (String site : sites.fieldNames()) {
            sites.getJsonObject(site).remove("plannedKw");
            sites.getJsonObject(site).remove("plannedFor");
        }
    }

    /**
     * Moves every live part whose next interval begins within a loop period of {@code now}; returns
     * the parts whose order must be revised.
     */
    static List<JsonObject> step(JsonObject d, EventRequest e, Instant now, Duration loopPeriod) {
        List<JsonObject> changed = new ArrayList<>();
        int next = e.intervalAt(now.plus(loopPeriod));
        JsonObject sites = d.getJsonObject("sites");
        for (String site : sites.fieldNames()) {
            JsonObject p = sites.getJsonObject(site);
            JsonObject planned = p.getJsonObject("plannedKw");
            if (planned == null || p.getBoolean("lost") || p.getBoolean("refused", false)) {
                continue;
            }
            int from = p.getInteger("plannedFor", 0);
            if (next <= from) {
                continue;
            }
            p.put("plannedFor", next);
            double delta = 0;
            for (String res : planned.fieldNames()) {
                JsonArray kw = planned.getJsonArray(res);
                delta += kw.getDouble(next) - kw.getDouble(from);
            }
            double moved = SiteOrders.adjustInFlight(p, delta, now);
            if (Math.abs(moved) <= 1e-3) {
                continue;
            }
            ahead(d, next, moved);
            changed.add(p);
        }
        return changed;
    }

    /**
     * The kW the loop should aim at beyond interval {@code t}'s commitment: what was moved towards
     * the next interval, which has not begun yet.
     */
    static double aheadKw(JsonObject d, int t) {
        JsonObject ff = d.getJsonObject("feedForward");
        return ff != null && ff.getInteger("interval") == t + 1 ? ff.getDouble("kw") : 0;
    }

    private static void ahead(JsonObject d, int interval, double kw) {
        JsonObject ff = d.getJsonObject("feedForward");
        if (ff == null || ff.getInteger("interval") != interval) {
            ff = new JsonObject().put("interval", interval).put("kw", 0.0);
            d.put("feedForward", ff);
        }
        ff.put("kw", ff.getDouble("kw") + kw);
    }
}
