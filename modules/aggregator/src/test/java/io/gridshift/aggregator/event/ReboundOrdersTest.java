package io.gridshift.aggregator.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridshift.domain.dispatch.DispatchAction;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReboundOrdersTest {
    static final Instant FROM = Instant.parse("2026-07-01T13:55:00Z");
    static final Instant END = Instant.parse("2026-07-01T15:00:00Z");

    /** A site of the event's zone ordered batch (factor 1) and a genset (nothing comes back). */
    static JsonObject site(String id, double batchKw, double genKw) {
        return new JsonObject()
                .put("site", id)
                .put("inEventZone", true)
                .put("orderId", "ev-evt-" + id)
                .put("revision", 1)
                .put("maxKw", new JsonObject().put("batch", 2000.0).put("gen", 3000.0))
                .put("reduceKw", new JsonObject().put("batch", batchKw).put("gen", genKw))
                .put("owes", new JsonObject().put("batch", 1.0))
                .put("shedKwh", new JsonObject())
                .put("lost", false);
    }

    static JsonObject delivery(JsonObject... parts) {
        JsonObject sites = new JsonObject();
        for (JsonObject p : parts) {
            sites.put(p.getString("site"), p);
        }
        return new JsonObject()
                .put("eventId", "evt-peak")
                .put("ordersFrom", FROM.toString())
                .put("end", END.toString())
                .put("rebound", new JsonObject().put("peakRatio", 1.0))
                .put("sites", sites);
    }

    final ReboundOrders rebound = new ReboundOrders(ReboundOrders.STEP, 1.1);

    @Test
    void whatWasShedComesBackWithinTheFleetsHeadroomAsLimitsFromTheEnd() {
        // GIVEN two sites holding 1,200 and 600 kW of batch from 13:55, a third running only its
        // genset, and one that went silent
        JsonObject a = site("a", 1200, 0);
        JsonObject b = site("b", 600, 0);
        JsonObject gen = site("g", 0, 2500);
        JsonObject silent = site("s", 900, 0).put("lost", true);
        JsonObject d = delivery(a, b, gen, silent);
        // WHEN the loop accrues at 14:25, b is lowered to 300 kW, and the rebound goes out at
        // 14:59:30 for 15:00
        ReboundOrders.accrue(d, FROM.plus(Duration.ofMinutes(30)));
        b.getJsonObject("reduceKw").put("batch", 300.0);
        Instant now = END.minusSeconds(30);
        assertThat(ReboundOrders.due(d, now, Duration.ofSeconds(30))).isTrue();
        List<DispatchOrder> orders = rebound.orders(d, 20_000, END, now);
        // THEN a owes 1,200 kW x 65 min, b 600 kW x 30 min + 300 kW x 35 min; the genset and the
        // silent site owe nothing
        assertThat(a.getJsonObject("rebound").getDouble("owedKwh")).isCloseTo(1300, within(1e-6));
        assertThat(b.getJsonObject("rebound").getDouble("owedKwh")).isCloseTo(475, within(1e-6));
        assertThat(orders).extracting(o -> o.site().value()).containsExactly("a", "b");
        // AND each order is one LIMIT_REBOUND on batch from the event's end, in one-minute steps
        for (DispatchOrder o : orders) {
            assertThat(o.start()).isEqualTo(END);
            assertThat(o.id().value()).isEqualTo("rb-evt-peak-" + o.site().value());
            assertThat(o.revision()).isEqualTo(1);
            assertThat(o.actions()).hasSize(1);
            DispatchAction.LimitRebound l = (DispatchAction.LimitRebound) o.actions().get(0);
            assertThat(l.resource()).isEqualTo("batch");
            assertThat(o.end()).isEqualTo(END.plus(l.span()));
        }
        // AND in every step the two together add at most 10 % of the fleet's 20 MW baseline, and
        // each site's steps return what it owes and a quarter more (the margin for the estimate)
        JsonArray ka = a.getJsonObject("rebound").getJsonArray("maxAddedKw");
        JsonArray kb = b.getJsonObject("rebound").getJsonArray("maxAddedKw");
        for (int t = 0; t < Math.max(ka.size(), kb.size()); t++) {
            assertThat(at(ka, t) + at(kb, t)).as("step %d", t).isLessThanOrEqualTo(2000 + 1e-6);
        }
        assertThat(returned(ka)).isCloseTo(1300 * 1.25, within(1e-6));
        assertThat(returned(kb)).isCloseTo(475 * 1.25, within(1e-6));
        // (a and b share the 2 MW equally; once b is done a takes it all, up to what it can shed)
        assertThat(at(ka, 0)).isCloseTo(1000, within(1e-6));
        assertThat(ka.stream().mapToDouble(k -> ((Number) k).doubleValue()).max().orElse(0))
                .isCloseTo(2000, within(1e-6));
        JsonObject sent = d.getJsonObject("rebound").getJsonObject("dispatched");
        assertThat(sent.getInteger("orders")).isEqualTo(2);
        assertThat(sent.getDouble("headroomKw")).isCloseTo(2000, within(1e-6));
        assertThat(sent.getDouble("peakRatio")).isLessThanOrEqualTo(1.1 + 1e-9);
        assertThat(sent.getDouble("unreturnedKwh")).isZero();
        assertThat(ReboundOrders.sent(d)).isTrue();
        assertThat(ReboundOrders.due(d, now, Duration.ofSeconds(30))).isFalse();
    }

    @Test
    void aModifiedEndSendsTheNextRevisionAndNothingIsOwedTwice() {
        JsonObject a = site("a", 1000, 0);
        JsonObject d = delivery(a);
        Instant now = END.minusSeconds(30);
        rebound.orders(d, 50_000, END, now);
        // WHEN the event is extended by 30 min: accrued to its old end, then to the new one
        ReboundOrders.reopen(d);
        Instant newEnd = END.plus(Duration.ofMinutes(30));
        d.put("end", newEnd.toString());
        assertThat(ReboundOrders.due(d, now, Duration.ofSeconds(30))).isFalse();
        Instant later = newEnd.minusSeconds(30);
        assertThat(ReboundOrders.due(d, later, Duration.ofSeconds(30))).isTrue();
        List<DispatchOrder> again = rebound.orders(d, 50_000, newEnd, later);
        // THEN revision 2 from the new end, owing 1,000 kW x 95 min once
        assertThat(again.get(0).revision()).isEqualTo(2);
        assertThat(again.get(0).start()).isEqualTo(newEnd);
        assertThat(a.getJsonObject("rebound").getDouble("owedKwh"))
                .isCloseTo(1000 * 95 / 60.0, within(1e-6));
    }

    private static double at(JsonArray kw, int t) {
        return t < kw.size() ? kw.getDouble(t) : 0;
    }

    /** kWh the planned one-minute steps return. */
    private static double returned(JsonArray kw) {
        double kwh = 0;
        for (int t = 0; t < kw.size(); t++) {
            kwh += kw.getDouble(t) / 60;
        }
        return kwh;
    }
}
