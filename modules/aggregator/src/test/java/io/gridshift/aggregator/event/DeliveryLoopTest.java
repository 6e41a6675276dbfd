package io.gridshift.aggregator.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridshift.aggregator.dispatch.DispatchState;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Worked examples of one closed-loop step over readings given by hand. */
class DeliveryLoopTest {
    static final Instant START = Instant.parse("2026-07-01T12:00:00Z");
    static final Instant NOW = START.plus(Duration.ofMinutes(5));
    static final EventRequest EVENT =
            new EventRequest(
                    "evt",
                    0,
                    true,
                    START,
                    START.plus(Duration.ofMinutes(20)),
                    START,
                    List.of(Duration.ofMinutes(20)),
                    List.of(1000.0),
                    Set.of("ZA"));

    final DeliveryLoop loop = new DeliveryLoop(EventOptions.defaults());
    final Map<String, SiteReading> readings = new HashMap<>();

    /** A site ordered {@code batchKw} of batch (ramps over minutes) with a UPS (1 s) beside it. */
    static JsonObject site(String id, double batchKw, double upsKw) {
        return new JsonObject()
                .put("site", id)
                .put("zone", "ZA")
                .put("inEventZone", true)
                .put("orderId", "ev-evt-" + id)
                .put("revision", 1)
                .put("baselineKw", 10_000.0)
                .put("maxKw", new JsonObject().put("batch", 1000.0).put("ups", 1000.0))
                .put("fast", new JsonArray().add("ups"))
                .put("reduceKw", new JsonObject().put("batch", batchKw).put("ups", upsKw))
                .put("migrations", new JsonArray())
                .put("lost", false)
                .put("achievedKw", 0.0)
                .put("ratios", new JsonArray());
    }

    static JsonObject delivery(JsonObject... parts) {
        JsonObject sites = new JsonObject();
        for (JsonObject p : parts) {
            sites.put(p.getString("site"), p);
        }
        return new JsonObject().put("sites", sites).put("samples", new JsonArray());
    }

    SiteReading heard(double achievedKw, Instant at) {
        return new SiteReading(true, at, DispatchState.ACTIVE, achievedKw, 9_500.0);
    }

    @Test
    void aShortfallIsOrderedFromTheFastResourcesAndSpreadByTheirRoom() {
        // GIVEN two sites ordered 500 kW of batch each, delivering 400 kW each: 200 kW short of 1
        // MW
        JsonObject a = site("a", 500, 0);
        JsonObject b = site("b", 500, 600);
        JsonObject d = delivery(a, b);
        readings.put("a", heard(400, NOW));
        readings.put("b", heard(400, NOW));
        // WHEN the loop steps (gain 0.6: 120 kW)
        List<JsonObject> revised = loop.step(d, EVENT, NOW, (s, o) -> readings.get(s));
        // THEN the 120 kW go on the UPSs (room 1000 and 400 kW), not on batch
        assertThat(revised).hasSize(2);
        assertThat(a.getJsonObject("reduceKw").getDouble("ups"))
                .isCloseTo(120 * 1000 / 1400.0, within());
        assertThat(b.getJsonObject("reduceKw").getDouble("ups"))
                .isCloseTo(600 + 120 * 400 / 1400.0, within());
        assertThat(a.getJsonObject("reduceKw").getDouble("batch")).isEqualTo(500);
        JsonObject sample = d.getJsonArray("samples").getJsonObject(0);
        assertThat(sample.getDouble("measuredKw")).isEqualTo(800);
        assertThat(sample.getDouble("commitmentKw")).isEqualTo(1000);
        assertThat(sample.getInteger("revised")).isEqualTo(2);
    }

    @Test
    void whenTheFastResourcesCannotTakeItAllTheSlowOnesTakeTheRest() {
        // GIVEN one site whose UPS has 50 kW of room left, delivering 500 of 1000 kW
        JsonObject a = site("a", 500, 950);
        readings.put("a", heard(500, NOW));
        // WHEN the loop orders 0.6 x 500 = 300 kW more
        loop.step(delivery(a), EVENT, NOW, (s, o) -> readings.get(s));
        // THEN the UPS is full and batch takes the other 250 kW
        assertThat(a.getJsonObject("reduceKw").getDouble("ups")).isCloseTo(1000, within());
        assertThat(a.getJsonObject("reduceKw").getDouble("batch")).isCloseTo(750, within());
    }

    @Test
    void anOvershootIsReleasedFromTheFastResourcesFirst() {
        JsonObject a = site("a", 800, 400);
        readings.put("a", heard(1200, NOW));
        loop.step(delivery(a), EVENT, NOW, (s, o) -> readings.get(s));
        // 0.6 x 200 = 120 kW released, all from the UPS
        assertThat(a.getJsonObject("reduceKw").getDouble("ups")).isCloseTo(280, within());
        assertThat(a.getJsonObject("reduceKw").getDouble("batch")).isEqualTo(800);
    }

    @Test
    void withinTheDeadbandNothingIsRevised() {
        JsonObject a = site("a", 1000, 0);
        readings.put("a", heard(995, NOW));
        assertThat(loop.step(delivery(a), EVENT, NOW, (s, o) -> readings.get(s))).isEmpty();
    }

    @Test
    void whileCorrectingTheLoopGoesOnToHalfTheDeadband() {
        // GIVEN 0.7 % short of 1,000 kW: within the 1 % deadband
        JsonObject a = site("a", 1000, 0);
        JsonObject d = delivery(a);
        readings.put("a", heard(993, NOW));
        // THEN a loop at rest lets it pass
        assertThat(loop.step(d, EVENT, NOW, (s, o) -> readings.get(s))).isEmpty();
        assertThat(d.getBoolean("correcting")).isFalse();
        // WHEN the loop was correcting at its last step, it goes on below half the band (0.5 %)
        d.put("correcting", true);
        assertThat(loop.step(d, EVENT, NOW.plusSeconds(10), (s, o) -> readings.get(s)))
                .containsExactly(a);
        assertThat(d.getBoolean("correcting")).isTrue();
        // AND at 0.3 % short it rests again
        readings.put("a", heard(997, NOW.plusSeconds(20)));
        a.put("inFlight", new JsonArray());
        assertThat(loop.step(d, EVENT, NOW.plusSeconds(20), (s, o) -> readings.get(s))).isEmpty();
        assertThat(d.getBoolean("correcting")).isFalse();
    }

    @Test
    void aSiteSilentLongerThanSilentAfterIsLostAndOthersTakeItsPart() {
        // GIVEN a site last heard 31 s ago (silentAfter 30 s) and one heard now
        JsonObject a = site("a", 500, 0);
        JsonObject b = site("b", 500, 0);
        JsonObject d = delivery(a, b);
        readings.put("a", heard(500, NOW.minusSeconds(31)));
        readings.put("b", heard(500, NOW));
        // WHEN the loop steps
        List<JsonObject> revised = loop.step(d, EVENT, NOW, (s, o) -> readings.get(s));
        // THEN a counts nothing, and b is asked 0.6 x 500 more on its UPS
        assertThat(a.getBoolean("lost")).isTrue();
        assertThat(a.getDouble("achievedKw")).isZero();
        assertThat(revised).containsExactly(b);
        assertThat(b.getJsonObject("reduceKw").getDouble("ups")).isCloseTo(300, within());
        assertThat(d.getJsonArray("samples").getJsonObject(0).getInteger("sitesLost")).isEqualTo(1);
    }

    @Test
    void whatIsStillRampingCountsAsComingAndIsNotOrderedAgain() {
        // GIVEN a site ordered 600 kW of batch (60 s ramp) 30 s ago and a 400 kW move whose
        // checkpoint (300 s) is not done: it shows 300 kW of the batch so far
        JsonObject a = site("a", 600, 0);
        a.put("rampS", new JsonObject().put("batch", 60).put("ups", 1).put("moves", 300));
        a.put("inFlight", new JsonArray());
        SiteOrders.inFlight(a, NOW.minusSeconds(30), "batch", 600);
        SiteOrders.moveInFlight(a, NOW.minusSeconds(30), 400);
        readings.put("a", heard(300, NOW));
        JsonObject d = delivery(a);
        // WHEN the loop steps (commitment 1,000 kW)
        List<JsonObject> revised = loop.step(d, EVENT, NOW, (s, o) -> readings.get(s));
        // THEN 300 kW of batch and the 400 kW move are coming: 1,000 kW, nothing is revised
        assertThat(revised).isEmpty();
        assertThat(d.getJsonArray("samples").getJsonObject(0).getDouble("inFlightKw"))
                .isCloseTo(700, within());
        // AND once both have landed they are forgotten
        assertThat(SiteOrders.inFlightKw(a, NOW.plusSeconds(300))).isZero();
        assertThat(a.getJsonArray("inFlight")).isEmpty();
    }

    @Test
    void whileARevisionIsUnansweredItsChangesCountAsComingHoweverLongAgo() {
        // GIVEN a site ordered 600 kW more of its UPS (1 s ramp) 40 s ago, in a revision it has not
        // answered yet: its ack, and the 400 kW achieved, are the previous revision's
        JsonObject a = site("a", 400, 600);
        a.put("rampS", new JsonObject().put("batch", 60).put("ups", 1));
        a.put("inFlight", new JsonArray());
        SiteOrders.inFlight(a, NOW.minusSeconds(40), "ups", 600);
        readings.put("a", new SiteReading(true, NOW, DispatchState.SENT, 400.0, 9_500.0));
        JsonObject d = delivery(a);
        // WHEN the loop steps (commitment 1,000 kW)
        List<JsonObject> revised = loop.step(d, EVENT, NOW, (s, o) -> readings.get(s));
        // THEN the 600 kW are still coming: nothing is ordered again
        assertThat(revised).isEmpty();
        assertThat(d.getJsonArray("samples").getJsonObject(0).getDouble("inFlightKw"))
                .isCloseTo(600, within());
        // AND once the site answers, the change has landed by its ramp and is forgotten
        readings.put("a", heard(1000, NOW.plusSeconds(10)));
        assertThat(loop.step(d, EVENT, NOW.plusSeconds(10), (s, o) -> readings.get(s))).isEmpty();
        assertThat(a.getJsonArray("inFlight")).isEmpty();
    }

    static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-6);
    }

    @Test
    void aMoveThatLandedAfterTheAckItWasMeasuredWithStillCountsAsComing() {
        // GIVEN a site moving 800 kW of jobs out, ordered 5 min ago: the checkpoint is done now
        JsonObject a = site("a", 200, 0).put("rampS", new JsonObject().put(SiteOrders.MOVES, 300));
        a.put("inFlight", new JsonArray());
        SiteOrders.moveInFlight(a, NOW.minusSeconds(300), 800);
        JsonObject d = delivery(a);
        // WHEN its latest ack, from 10 s ago, still shows the 200 kW before the move
        readings.put(
                "a",
                new SiteReading(
                        true, NOW, DispatchState.ACTIVE, 200.0, 9_500.0, NOW.minusSeconds(10)));
        loop.step(d, EVENT, NOW, (s, o) -> readings.get(s));
        // THEN the move counts as coming, and the loop orders nothing more for it
        JsonObject sample = d.getJsonArray("samples").getJsonObject(0);
        assertThat(sample.getDouble("inFlightKw")).isEqualTo(800.0);
        assertThat(sample.getInteger("revised")).isZero();
        // WHEN an ack taken now shows it, it has landed and is forgotten
        readings.put("a", new SiteReading(true, NOW, DispatchState.ACTIVE, 1000.0, 8_700.0, NOW));
        loop.step(d, EVENT, NOW.plusSeconds(1), (s, o) -> readings.get(s));
        assertThat(d.getJsonArray("samples").getJsonObject(1).getDouble("inFlightKw")).isZero();
        assertThat(a.getJsonArray("inFlight")).isEmpty();
    }

    static JsonObject move(String kind, String job, String other) {
        return new JsonObject()
                .put("kind", kind)
                .put("job", job)
                .put("site", other)
                .put("kw", 300.0);
    }

    @Test
    void aSourceThatRefusesItsOrderHasItsReceiversMigrateInsWithdrawn() {
        // GIVEN a source moving two jobs, one to r1 (which also takes one from b), one to r2
        JsonObject a = site("a", 500, 0);
        a.getJsonArray("migrations")
                .add(move("MIGRATE_OUT", "a-t1", "r1"))
                .add(move("MIGRATE_OUT", "a-t2", "r2"));
        JsonObject b = site("b", 500, 0);
        b.getJsonArray("migrations").add(move("MIGRATE_OUT", "b-t1", "r1"));
        JsonObject r1 =
                receiver("r1", move("MIGRATE_IN", "a-t1", "a"), move("MIGRATE_IN", "b-t1", "b"));
        JsonObject r2 = receiver("r2", move("MIGRATE_IN", "a-t2", "a"));
        JsonObject d = delivery(a, b, r1, r2);
        // WHEN a rejects its first order
        readings.put("a", new SiteReading(true, NOW, DispatchState.REJECTED, null, 9_000.0));
        readings.put("b", heard(1000, NOW));
        List<JsonObject> revised = loop.step(d, EVENT, NOW, (s, o) -> readings.get(s));
        // THEN r1 is revised without a's job, r2 (nothing else to do) is to end now, and a is
        // refused with no moves left
        assertThat(revised).contains(r1, r2);
        assertThat(r1.getJsonArray("migrations")).hasSize(1);
        assertThat(r1.getJsonArray("migrations").getJsonObject(0).getString("job"))
                .isEqualTo("b-t1");
        assertThat(r1.getBoolean("endNow", false)).isFalse();
        assertThat(r2.getBoolean("endNow")).isTrue();
        assertThat(r2.getJsonArray("migrations")).hasSize(1);
        assertThat(a.getBoolean("refused")).isTrue();
        assertThat(a.getJsonArray("migrations")).isEmpty();
    }

    static JsonObject receiver(String id, JsonObject... moves) {
        JsonArray m = new JsonArray();
        for (JsonObject x : moves) {
            m.add(x);
        }
        return site(id, 0, 0)
                .put("inEventZone", false)
                .put("maxKw", new JsonObject())
                .put("reduceKw", new JsonObject())
                .put("migrations", m);
    }
}
