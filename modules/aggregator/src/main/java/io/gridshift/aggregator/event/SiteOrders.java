package io.gridshift.aggregator.event;

import io.gridshift.domain.dispatch.DispatchAction;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.event.EventId;
import io.gridshift.domain.site.SiteId;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One site's part in an event's delivery, kept as JSON in the delivery record: {@code reduceKw}
 * (resource id to kW now ordered), {@code maxKw} (resource id to what its envelope offers), {@code
 * migrations} (MIGRATE_OUT / MIGRATE_IN actions), the order's id and revision, and what the loop
 * saw ({@code achievedKw}, {@code lost}).
 */
final class SiteOrders {
    private SiteOrders() {}

    /**
     * The order id of {@code site}'s part in event {@code eventId}: one order per site and event.
     */
    static String orderId(String eventId, String site) {
        return orderId("ev-", eventId, site);
    }

    /** The same with another prefix: {@code rb-} for the site's rebound order. */
    static String orderId(String prefix, String eventId, String site) {
        String e = eventId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        String id = prefix + e + "-" + site;
        if (id.length() > 63) {
            id = prefix + Integer.toHexString((eventId + "/" + site).hashCode()) + "-" + site;
        }
        return id.length() > 63 ? id.substring(0, 63) : id;
    }

    /** The key of the jobs' checkpoint time in a part's {@code rampS}. */
    static final String MOVES = "moves";

    /**
     * Records that {@code kw} more (negative: less) was ordered from {@code resource} at {@code
     * at}: it reaches the site's grid import over the resource's ramp, and until then it is in
     * flight (see {@link #inFlightKw}).
     */
    static void inFlight(JsonObject s, Instant at, String resource, double kw) {
        JsonArray f = s.getJsonArray("inFlight");
        if (f != null && Math.abs(kw) > 1e-6) {
            f.add(new JsonObject().put("at", at.toString()).put("res", resource).put("kw", kw));
        }
    }

    /**
     * Records a move out ordered at {@code at}: its kW leaves at once when its checkpoint is done.
     */
    static void moveInFlight(JsonObject s, Instant at, double kw) {
        JsonArray f = s.getJsonArray("inFlight");
        if (f != null) {
            f.add(
                    new JsonObject()
                            .put("at", at.toString())
                            .put("res", MOVES)
                            .put("kw", kw)
                            .put("step", true));
        }
    }

    /**
     * kW ordered from the site that a reading taken at {@code now} cannot show yet: each change's
     * share still ramping (linear over the resource's ramp, as the envelope states it; a move all
     * at once when its checkpoint is done). Changes that have landed by then are forgotten.
     */
    static double inFlightKw(JsonObject s, Instant now) {
        JsonArray f = s.getJsonArray("inFlight");
        JsonObject ramps = s.getJsonObject("rampS");
        if (f == null || ramps == null) {
            return 0;
        }
        double kw = 0;
        for (int i = f.size() - 1; i >= 0; i--) {
            JsonObject c = f.getJsonObject(i);
            Instant at = Instant.parse(c.getString("at"));
            long rampS = ramps.getLong(c.getString("res"), 0L);
            double left;
            if (c.getBoolean("step", false)) {
                left = now.isBefore(at.plusSeconds(rampS)) ? 1 : 0;
            } else {
                double done =
                        rampS <= 0
                                ? 1
                                : (now.getEpochSecond() - at.getEpochSecond()) / (double) rampS;
                left = 1 - Math.max(0, Math.min(1, done));
            }
            if (left <= 0 && !now.isBefore(at)) {
                f.remove(i);
            } else {
                kw += c.getDouble("kw") * left;
            }
        }
        return kw;
    }

    /**
     * kW of every change still on the part's in-flight list, whatever its ramp says: none shown.
     */
    static double unlandedKw(JsonObject s) {
        JsonArray f = s.getJsonArray("inFlight");
        double kw = 0;
        if (f != null) {
            for (int i = 0; i < f.size(); i++) {
                kw += f.getJsonObject(i).getDouble("kw");
            }
        }
        return kw;
    }

    /** kW the site's order now asks to shed (reductions and migrations out, less migrations in). */
    static double orderedKw(JsonObject s) {
        double kw = 0;
        for (String r : s.getJsonObject("reduceKw").fieldNames()) {
            kw += s.getJsonObject("reduceKw").getDouble(r);
        }
        for (Object o : s.getJsonArray("migrations")) {
            JsonObject m = (JsonObject) o;
            // a move out sheds the job's IT kW times the site's PUE (gridKw; kw before it was
            // kept); a move in adds the job's IT kW
            kw +=
                    "MIGRATE_OUT".equals(m.getString("kind"))
                            ? m.getDouble("gridKw", m.getDouble("kw"))
                            : -m.getDouble("kw");
        }
        return kw;
    }

    /** kW of reductions the site may still take on: its envelope less what is ordered. */
    static double headroomKw(JsonObject s) {
        return headroomKw(s, false);
    }

    /**
     * kW of reductions the site may still take on, on its fast resources only ({@code fastOnly}):
     * those that reach a new level within one loop period ({@code fast}, from the envelope's
     * ramps).
     */
    static double headroomKw(JsonObject s, boolean fastOnly) {
        double kw = 0;
        JsonObject max = s.getJsonObject("maxKw");
        for (String r : max.fieldNames()) {
            if (!fastOnly || isFast(s, r)) {
                kw += Math.max(0, max.getDouble(r) - s.getJsonObject("reduceKw").getDouble(r, 0.0));
            }
        }
        return kw;
    }

    /** kW of reductions ordered from the site's resources (its fast ones: {@code fastOnly}). */
    static double orderedReduceKw(JsonObject s, boolean fastOnly) {
        double kw = 0;
        JsonObject reduce = s.getJsonObject("reduceKw");
        for (String r : reduce.fieldNames()) {
            if (!fastOnly || isFast(s, r)) {
                kw += reduce.getDouble(r);
            }
        }
        return kw;
    }

    /**
     * Whether {@code resource} answers within one loop period. A part planned without the list (an
     * older delivery) has no preference: every resource counts as fast.
     */
    static boolean isFast(JsonObject s, String resource) {
        JsonArray fast = s.getJsonArray("fast");
        return fast == null || fast.contains(resource);
    }

    /** The order for the site's current actions; empty when it asks nothing. */
    static List<DispatchAction> actions(JsonObject s) {
        List<DispatchAction> out = new ArrayList<>();
        JsonObject reduce = s.getJsonObject("reduceKw");
        for (String r : reduce.fieldNames()) {
            double kw = reduce.getDouble(r);
            if (kw > 1e-3) {
                out.add(new DispatchAction.Reduce(r, kw));
            }
        }
        for (Object o : s.getJsonArray("migrations", new JsonArray())) {
            JsonObject m = (JsonObject) o;
            SiteId other = SiteId.of(m.getString("site"));
            out.add(
                    "MIGRATE_OUT".equals(m.getString("kind"))
                            ? new DispatchAction.MigrateOut(
                                    m.getString("job"), other, m.getDouble("kw"))
                            : new DispatchAction.MigrateIn(
                                    m.getString("job"), other, m.getDouble("kw")));
        }
        if (out.isEmpty() && s.getInteger("revision") > 1 && !reduce.isEmpty()) {
            // released to nothing: the order stays, asking 0 kW, so that the site reverts
            out.add(new DispatchAction.Reduce(reduce.fieldNames().iterator().next(), 0));
        }
        return out;
    }

    /**
     * The site's order at its current revision, over {@code [start, end)}; {@code null} when it has
     * no action (a revision then ends the order at {@code start} + 1 s).
     */
    static DispatchOrder order(
            String eventId, JsonObject s, Instant issuedAt, Instant start, Instant end) {
        List<DispatchAction> actions = actions(s);
        if (actions.isEmpty()) {
            return null;
        }
        return new DispatchOrder(
                DispatchId.of(s.getString("orderId")),
                s.getInteger("revision"),
                EventId.of(eventId),
                SiteId.of(s.getString("site")),
                issuedAt,
                start,
                end,
                actions);
    }

    /**
     * Adds {@code deltaKw} (negative: takes away) to the site's reductions: first on its fast
     * resources (a correction on a resource that ramps over minutes is seen by the loop only partly
     * at its next step, which then orders again: overshoot), the rest on all; within each, more
     * where the envelope has most room, less where the most is ordered. Returns what was moved.
     */
    static double adjust(JsonObject s, double deltaKw) {
        double moved = adjust(s, deltaKw, true);
        return moved + adjust(s, deltaKw - moved, false);
    }

    /**
     * {@link #adjust} at {@code now}, each resource's change recorded as in flight from then (see
     * {@link #inFlight}). Returns what was moved.
     */
    static double adjustInFlight(JsonObject s, double deltaKw, Instant now) {
        JsonObject before = s.getJsonObject("reduceKw").copy();
        double moved = adjust(s, deltaKw);
        JsonObject after = s.getJsonObject("reduceKw");
        for (String r : after.fieldNames()) {
            inFlight(s, now, r, after.getDouble(r) - before.getDouble(r, 0.0));
        }
        return moved;
    }

    private static double adjust(JsonObject s, double deltaKw, boolean fastOnly) {
        if (Math.abs(deltaKw) <= 1e-9) {
            return 0;
        }
        JsonObject reduce = s.getJsonObject("reduceKw");
        JsonObject max = s.getJsonObject("maxKw");
        double total = deltaKw > 0 ? headroomKw(s, fastOnly) : orderedReduceKw(s, fastOnly);
        if (total <= 1e-9) {
            return 0;
        }
        double moved = deltaKw > 0 ? Math.min(deltaKw, total) : Math.max(deltaKw, -total);
        for (String r : max.fieldNames()) {
            if (fastOnly && !isFast(s, r)) {
                continue;
            }
            double now = reduce.getDouble(r, 0.0);
            double share = deltaKw > 0 ? Math.max(0, max.getDouble(r) - now) : now;
            reduce.put(r, Math.max(0, Math.min(max.getDouble(r), now + moved * share / total)));
        }
        return moved;
    }
}
