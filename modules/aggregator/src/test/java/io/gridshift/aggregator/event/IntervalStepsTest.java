package io.gridshift.aggregator.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridshift.aggregator.dispatch.DispatchState;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The allocation's second interval fed forward one loop period ahead, and the loop told. */
class IntervalStepsTest {
    static final Instant START = Instant.parse("2026-07-01T12:00:00Z");
    static final Instant BOUNDARY = START.plus(Duration.ofMinutes(10));
    static final Duration LOOP = Duration.ofSeconds(10);

    /** 1,000 kW for 10 min, then 1,250 kW for 10 min. */
    static final EventRequest EVENT =
            new EventRequest(
                    "evt",
                    0,
                    true,
                    START,
                    START.plus(Duration.ofMinutes(20)),
                    START,
                    List.of(Duration.ofMinutes(10), Duration.ofMinutes(10)),
                    List.of(1000.0, 1250.0),
                    Set.of("ZA"));

    /**
     * A site planned 500 then 800 kW of batch (slow), 100 then 50 kW of UPS (fast, 1,000 kW room),
     * ordered 520 and 100 kW now (the loop added 20 kW of batch).
     */
    static JsonObject site(String id) {
        JsonObject p =
                DeliveryLoopTest.site(id, 520, 100)
                        .put("rampS", new JsonObject().put("batch", 60).put("ups", 1))
                        .put("inFlight", new JsonArray());
        IntervalSteps.plan(p, "batch", Stream.of(500.0, 800.0));
        IntervalSteps.plan(p, "ups", Stream.of(100.0, 50.0));
        return p;
    }

    @Test
    void theSitesPlannedStepIsTakenOnItsFastResourcesOneLoopPeriodAhead() {
        JsonObject a = site("a");
        JsonObject lost = site("l").put("lost", true);
        JsonObject d = DeliveryLoopTest.delivery(a, lost);
        // WHEN 11 s before the boundary: not yet
        assertThat(IntervalSteps.step(d, EVENT, BOUNDARY.minusSeconds(11), LOOP)).isEmpty();
        // WHEN 10 s before: the site's plan adds 300 - 50 = 250 kW, all on the UPS (it lands within
        // a second); the lost site is left alone; the loop is told 250 kW are on their way
        assertThat(IntervalSteps.step(d, EVENT, BOUNDARY.minusSeconds(10), LOOP))
                .containsExactly(a);
        assertThat(a.getJsonObject("reduceKw").getDouble("ups")).isCloseTo(350, within(1e-9));
        assertThat(a.getJsonObject("reduceKw").getDouble("batch")).isEqualTo(520.0);
        assertThat(IntervalSteps.aheadKw(d, 0)).isCloseTo(250, within(1e-9));
        assertThat(SiteOrders.unlandedKw(a)).isCloseTo(250, within(1e-9));
        assertThat(lost.getJsonObject("reduceKw").getDouble("ups")).isEqualTo(100.0);
        // AND not again at the boundary; once interval 1 has begun nothing is ahead; nothing
        // moves at the end
        assertThat(IntervalSteps.step(d, EVENT, BOUNDARY, LOOP)).isEmpty();
        assertThat(IntervalSteps.aheadKw(d, 1)).isZero();
        assertThat(IntervalSteps.step(d, EVENT, EVENT.end().minusSeconds(5), LOOP)).isEmpty();
    }

    @Test
    void whatTheFastResourcesCannotTakeGoesOnTheSlowOnes() {
        JsonObject a = site("a");
        a.getJsonObject("maxKw").put("ups", 200.0);
        JsonObject d = DeliveryLoopTest.delivery(a);
        IntervalSteps.step(d, EVENT, BOUNDARY.minusSeconds(10), LOOP);
        // 100 kW of UPS room, the other 150 kW on batch
        assertThat(a.getJsonObject("reduceKw").getDouble("ups")).isCloseTo(200, within(1e-9));
        assertThat(a.getJsonObject("reduceKw").getDouble("batch")).isCloseTo(670, within(1e-9));
        assertThat(IntervalSteps.aheadKw(d, 0)).isCloseTo(250, within(1e-9));
    }

    @Test
    void theLoopAimsAtTheCommitmentPlusWhatWasFedForward() {
        JsonObject a = site("a");
        JsonObject d = DeliveryLoopTest.delivery(a);
        IntervalSteps.step(d, EVENT, BOUNDARY.minusSeconds(10), LOOP);
        // GIVEN the site still delivers interval 0's 1,000 kW and has not answered the revision
        Instant now = BOUNDARY.minusSeconds(10);
        new DeliveryLoop(EventOptions.defaults())
                .step(
                        d,
                        EVENT,
                        now,
                        (s, o) -> new SiteReading(true, now, DispatchState.SENT, 1000.0, 9_000.0));
        // THEN it aims at 1,250 kW, counts the 250 kW as coming, and orders nothing against it
        JsonObject sample = d.getJsonArray("samples").getJsonObject(0);
        assertThat(sample.getDouble("commitmentKw")).isCloseTo(1250, within(1e-9));
        assertThat(sample.getDouble("inFlightKw")).isCloseTo(250, within(1e-9));
        assertThat(sample.getInteger("revised")).isZero();
    }

    @Test
    void aModificationDropsThePlan() {
        JsonObject a = site("a");
        JsonObject d = DeliveryLoopTest.delivery(a);
        IntervalSteps.drop(d);
        assertThat(IntervalSteps.step(d, EVENT, BOUNDARY.minusSeconds(5), LOOP)).isEmpty();
        assertThat(a.getJsonObject("reduceKw").getDouble("ups")).isEqualTo(100.0);
    }
}
