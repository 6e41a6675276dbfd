package io.gridshift.aggregator.event;

import io.gridshift.aggregator.dispatch.DispatchState;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One step of the closed loop over a running event: each site of the event's zones is read; a site
 * not heard from within {@code silentAfter}, offline, or whose order went unacknowledged, rejected
 * or failed is <em>lost</em> (its ordered kW no longer counted, delivery ratio 0); the others'
 * achieved kW sum to the measured reduction. When it misses the commitment by more than the
 * deadband, {@code gain} × the error is ordered from the sites with most room left (the reserve, or
 * sites without an order yet) or released from those ordered most. Pure over the readings; the
 * caller issues the revisions it returns.
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
        double commitment = t < 0 ? 0 : e.reductionKw().get(t);
        List<JsonObject> alive = new ArrayList<>();
        double measured = 0;
        double ordered = 0;
        double meter = 0;
        int lost = 0;
        for (String site : d.getJsonObject("sites").fieldNames()) {
            JsonObject p = d.getJsonObject("sites").getJsonObject(site);
            if (!p.getBoolean("inEventZone")) {
                continue;
            }
            if (p.getBoolean("lost")) {
                lost++;
                continue;
            }
            SiteReading r = readings.read(site, p.getString("orderId"));
            if (isLost(r, p, now)) {
                p.put("lost", true).put("lostAt", now.toString()).put("achievedKw", 0.0);
                lost++;
                continue;
            }
            double achieved = r.achievedKw() == null ? 0 : r.achievedKw();
            double kw = SiteOrders.orderedKw(p);
            p.put("achievedKw", achieved).put("state", r.state() == null ? null : r.state().name());
            if (r.gridImportKw() != null && p.getInteger("revision") > 0) {
                meter += p.getDouble("baselineKw") - r.gridImportKw();
            }
            if (kw > 1e-3 && r.state() == DispatchState.ACTIVE) {
                p.getJsonArray("ratios").add(Math.max(0, Math.min(10, achieved / kw)));
            }
            measured += achieved;
            ordered += kw;
            alive.add(p);
        }
        double error = commitment - measured;
        List<JsonObject> changed = new ArrayList<>();
        if (Math.abs(error) > options.deadband() * Math.max(commitment, 1)) {
            changed =
                    error > 0
                            ? raise(alive, options.gain() * error)
                            : lower(alive, options.gain() * -error);
        }
        d.getJsonArray("samples")
                .add(
                        new JsonObject()
                                .put("at", now.toString())
                                .put("interval", t)
                                .put("commitmentKw", commitment)
                                .put("measuredKw", measured)
                                .put("meterKw", meter)
                                .put("orderedKw", ordered)
                                .put("sitesLost", lost)
                                .put("revised", changed.size()));
        return changed;
    }

    private boolean isLost(SiteReading r, JsonObject p, Instant now) {
        if (!r.online() || r.lastSeen() == null) {
            return true;
        }
        if (r.lastSeen().isBefore(now.minus(options.silentAfter()))) {
            return true;
        }
        DispatchState s = r.state();
        return p.getInteger("revision") > 0
                && (s == DispatchState.UNACKNOWLEDGED
                        || s == DispatchState.REJECTED
                        || s == DispatchState.FAILED);
    }

    private static List<JsonObject> raise(List<JsonObject> alive, double kw) {
        List<JsonObject> sorted = new ArrayList<>(alive);
        sorted.sort(Comparator.comparingDouble(SiteOrders::headroomKw).reversed());
        List<JsonObject> changed = new ArrayList<>();
        double left = kw;
        for (JsonObject p : sorted) {
            if (left <= 1e-3) {
                break;
            }
            double moved = SiteOrders.adjust(p, left);
            if (moved > 1e-3) {
                left -= moved;
                changed.add(p);
            }
        }
        return changed;
    }

    private static List<JsonObject> lower(List<JsonObject> alive, double kw) {
        List<JsonObject> sorted = new ArrayList<>(alive);
        sorted.sort(Comparator.comparingDouble(SiteOrders::orderedKw).reversed());
        List<JsonObject> changed = new ArrayList<>();
        double left = kw;
        for (JsonObject p : sorted) {
            if (left <= 1e-3) {
                break;
            }
            double moved = -SiteOrders.adjust(p, -left);
            if (moved > 1e-3) {
                left -= moved;
                changed.add(p);
            }
        }
        return changed;
    }
}
