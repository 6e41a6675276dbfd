package io.gridshift.aggregator.event;

import io.gridshift.aggregator.dispatch.DispatchState;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One step of the closed loop over a running event: each site of the event's zones is read; a site
 * not heard from within {@code silentAfter}, offline, or whose order went unacknowledged, rejected
 * or failed is <em>lost</em> (its ordered kW no longer counted, delivery ratio 0); the others'
 * achieved kW sum to the measured reduction. When it misses the commitment by more than the
 * deadband (half of it while it is correcting), {@code gain} × the error is ordered from the sites
 * with most room left (the reserve, or sites without an order yet) or released from those ordered
 * most. Pure over the readings; the caller issues the revisions it returns.
 */
final class DeliveryLoop {
    private final EventOptions options;

    DeliveryLoop(EventOptions options) {
        this.options = options;
    }

    /** Updates {@code d} (parts, a sample) and returns the parts whose order must be revised. */
    List<JsonObject> step(JsonObject d, EventRequest e, Instant now, SiteReadings readings) {
        int t = e.intervalAt(now);
        if (t < 0 && now.isBefore(e.start())) {
            t = 0; // ramping in before the start: aim at the first interval's kW
        }
        // what was fed forward to the next interval is ramping on purpose: aim at it too
        double commitment = t < 0 ? 0 : e.reductionKw().get(t) + IntervalSteps.aheadKw(d, t);
        List<JsonObject> alive = new ArrayList<>();
        List<JsonObject> rollback = new ArrayList<>();
        List<JsonObject> withdrawn = new ArrayList<>();
        double measured = 0;
        double pending = 0;
        double ordered = 0;
        double meter = 0;
        int lost = 0;
        for (String site : d.getJsonObject("sites").fieldNames()) {
            JsonObject p = d.getJsonObject("sites").getJsonObject(site);
            if (!p.getBoolean("inEventZone")) {
                continue;
            }
            SiteReading r = readings.read(site, p.getString("orderId"));
            if (isLost(r, p, now)) {
                if (!p.getBoolean("lost")) {
                    p.put("lost", true).put("lostAt", now.toString()).put("achievedKw", 0.0);
                }
                lost++;
                continue;
            }
            p.put("lost", false); // heard again (a late reading is not a silent site)
            if (p.getBoolean("refused", false) || refused(r, p, d, withdrawn)) {
                continue;
            }
            boolean rolledBack = rolledBack(r, p);
            if (rolledBack) {
                rollback.add(p);
            } else if (r.state() == DispatchState.ACTIVE || r.state() == DispatchState.ACCEPTED) {
                p.put("confirmedKw", p.getJsonObject("reduceKw").copy());
            }
            double achieved =
                    r.achievedKw() == null || rolledBack
                            ? p.getDouble("achievedKw", 0.0)
                            : r.achievedKw();
            double kw = SiteOrders.orderedKw(p);
            p.put("achievedKw", achieved).put("state", r.state() == null ? null : r.state().name());
            if (r.gridImportKw() != null && p.getInteger("revision") > 0) {
                meter += p.getDouble("baselineKw") - r.gridImportKw();
            }
            if (kw > 1e-3 && r.state() == DispatchState.ACTIVE) {
                p.getJsonArray("ratios").add(Math.max(0, Math.min(10, achieved / kw)));
            }
            measured += achieved;
            pending += pendingKw(r, p, now);
            ordered += kw;
            alive.add(p);
        }
        // what is ordered and still ramping counts as coming: without it the loop orders again
        // what a slow resource has not shown yet, and overshoots when it lands
        double error = commitment - measured - pending;
        List<JsonObject> changed = new ArrayList<>();
        if (Math.abs(error) > band(d) * Math.max(commitment, 1)) {
            changed = spread(alive, options.gain() * error, now);
        }
        d.put("correcting", !changed.isEmpty());
        addNew(changed, rollback);
        addNew(changed, withdrawn);
        d.getJsonArray("samples")
                .add(
                        new JsonObject()
                                .put("at", now.toString())
                                .put("interval", t)
                                .put("commitmentKw", commitment)
                                .put("measuredKw", measured)
                                .put("inFlightKw", pending)
                                .put("meterKw", meter)
                                .put("orderedKw", ordered)
                                .put("sitesLost", lost)
                                .put("revised", changed.size()));
        return changed;
    }

    /**
     * The error let pass, as a share of the commitment: the deadband, or half of it while the loop
     * is correcting (hysteresis). Without it a loop approaching from one side stops at the edge of
     * the band (the demo's loop, then at a 5 % deadband, settled at 0.96 of the commitment).
     */
    private double band(JsonObject d) {
        return d.getBoolean("correcting", false) ? options.deadband() / 2 : options.deadband();
    }

    /**
     * kW ordered from the site that its achieved kW cannot show yet: every change while its latest
     * revision is unanswered (see {@link #unanswered}), else what was in flight as of the ack the
     * achieved kW came with. A move that landed after that ack cannot show in it: read as of now,
     * an ack a step old saw the fleet's moves land a step late, and the loop ordered them again
     * (1.5 x the commitment the step after, {@code EventDeliveryIT}).
     */
    private static double pendingKw(SiteReading r, JsonObject p, Instant now) {
        return unanswered(r) ? SiteOrders.unlandedKw(p) : SiteOrders.inFlightKw(p, r.asOf(now));
    }

    /**
     * Whether the site's latest revision is sent and not answered yet. Its ack, and so the achieved
     * kW, is then an older revision's: nothing in flight can show in it, and counting the changes
     * as landing on schedule would make the loop order them again, step after step while the acks
     * lag.
     */
    private static boolean unanswered(SiteReading r) {
        return r.state() == DispatchState.PENDING || r.state() == DispatchState.SENT;
    }

    private boolean isLost(SiteReading r, JsonObject p, Instant now) {
        if (!r.online() || r.lastSeen() == null) {
            return true;
        }
        if (r.lastSeen().isBefore(now.minus(options.silentAfter()))) {
            return true;
        }
        return p.getInteger("revision") > 0 && r.state() == DispatchState.UNACKNOWLEDGED;
    }

    private static void addNew(List<JsonObject> to, List<JsonObject> parts) {
        for (JsonObject p : parts) {
            if (!to.contains(p)) {
                to.add(p);
            }
        }
    }

    /**
     * A site that refused or failed its order is no longer asked: others take its part, and the
     * receivers of its moves are added to {@code withdrawn} (see {@link #withdrawMoves}). A refused
     * later revision is another matter (see {@link #rolledBack}).
     */
    private static boolean refused(
            SiteReading r, JsonObject p, JsonObject d, List<JsonObject> withdrawn) {
        if (r.state() != DispatchState.REJECTED && r.state() != DispatchState.FAILED) {
            return false;
        }
        if (p.getJsonObject("confirmedKw") != null) {
            return false;
        }
        p.put("refused", true).put("maxKw", new JsonObject()).put("reduceKw", new JsonObject());
        addNew(withdrawn, withdrawMoves(d, p));
        return true;
    }

    /**
     * A site that refused its order moved none of its jobs: each receiving site's MIGRATE_IN of
     * them is withdrawn (it would run a second copy of a job that never left). A receiver left with
     * other actions gets a revision without it; one left with none is marked {@code endNow}: its
     * order is ended a second from now, as a cancellation ends one. Returns the receivers changed.
     */
    static List<JsonObject> withdrawMoves(JsonObject d, JsonObject source) {
        List<JsonObject> receivers = new ArrayList<>();
        for (Object o : source.getJsonArray("migrations", new JsonArray())) {
            JsonObject out = (JsonObject) o;
            JsonObject to = d.getJsonObject("sites").getJsonObject(out.getString("site"));
            if (!"MIGRATE_OUT".equals(out.getString("kind")) || to == null) {
                continue;
            }
            JsonArray in = to.getJsonArray("migrations");
            for (int i = in.size() - 1; i >= 0; i--) {
                JsonObject m = in.getJsonObject(i);
                if ("MIGRATE_IN".equals(m.getString("kind"))
                        && out.getString("job").equals(m.getString("job"))
                        && source.getString("site").equals(m.getString("site"))) {
                    if (in.size() == 1 && to.getJsonObject("reduceKw").isEmpty()) {
                        to.put("endNow", true); // its last action: the order ends, content kept
                    } else {
                        in.remove(i);
                    }
                    if (!receivers.contains(to)) {
                        receivers.add(to);
                    }
                }
            }
        }
        source.put("migrations", new JsonArray());
        return receivers;
    }

    /**
     * A site that refused a later revision (it asked more of a resource than the site can give now)
     * goes on with the revision it had accepted: the aggregator would not hear of it again (its
     * acks are of an older revision), so that content is ordered again as the next revision, and
     * each resource the refused revision raised is held at its accepted level from now on.
     */
    private static boolean rolledBack(SiteReading r, JsonObject p) {
        JsonObject confirmed = p.getJsonObject("confirmedKw");
        if (confirmed == null
                || (r.state() != DispatchState.REJECTED && r.state() != DispatchState.FAILED)) {
            return false;
        }
        JsonObject reduce = p.getJsonObject("reduceKw");
        JsonObject max = p.getJsonObject("maxKw");
        for (String res : reduce.fieldNames()) {
            double kept = confirmed.getDouble(res, 0.0);
            if (reduce.getDouble(res) > kept + 1e-6 && max.containsKey(res)) {
                max.put(res, kept);
            }
        }
        p.put("reduceKw", confirmed.copy()).put("rollbacks", p.getInteger("rollbacks", 0) + 1);
        if (p.getJsonArray("inFlight") != null) {
            p.put("inFlight", new JsonArray()); // the refused change never reached the site
        }
        return true;
    }

    /**
     * Spreads {@code kw} over the sites in proportion to their room (raising) or to what they are
     * ordered (lowering), so that no one site's response decides the correction.
     */
    private static List<JsonObject> spread(List<JsonObject> alive, double kw, Instant now) {
        // by the fast resources' room (or order) when they can take the whole correction
        double fast = 0;
        for (JsonObject p : alive) {
            fast += kw > 0 ? SiteOrders.headroomKw(p, true) : SiteOrders.orderedReduceKw(p, true);
        }
        boolean fastOnly = fast >= Math.abs(kw);
        ToDoubleFunction<JsonObject> weight =
                kw > 0
                        ? p -> SiteOrders.headroomKw(p, fastOnly)
                        : p ->
                                fastOnly
                                        ? SiteOrders.orderedReduceKw(p, true)
                                        : SiteOrders.orderedKw(p);
        double total = 0;
        for (JsonObject p : alive) {
            total += Math.max(0, weight.applyAsDouble(p));
        }
        List<JsonObject> changed = new ArrayList<>();
        if (total <= 1e-9) {
            return changed;
        }
        for (JsonObject p : alive) {
            double share = kw * Math.max(0, weight.applyAsDouble(p)) / total;
            if (Math.abs(share) > 1e-3
                    && Math.abs(SiteOrders.adjustInFlight(p, share, now)) > 1e-3) {
                changed.add(p);
            }
        }
        return changed;
    }
}
