package io.gridshift.agent.sim;

import static io.gridshift.agent.sim.SimFixtures.T0;
import static io.gridshift.agent.sim.SimFixtures.order;
import static io.gridshift.agent.sim.SimFixtures.reduce;
import static io.gridshift.agent.sim.SimulatedResources.BATCH;
import static io.gridshift.agent.sim.SimulatedResources.CHW;
import static io.gridshift.agent.sim.SimulatedResources.GEN;
import static io.gridshift.agent.sim.SimulatedResources.TRAIN;
import static io.gridshift.agent.sim.SimulatedResources.UPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridshift.domain.dispatch.DispatchAction;
import io.gridshift.domain.dispatch.DispatchOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** LIMIT_REBOUND: what a site shed comes back no faster than the limit allows. */
class ReboundLimitTest {
    private static final Instant START = T0.plus(Duration.ofHours(14));
    private static final Duration STEP = Duration.ofMinutes(5);

    private static DispatchAction.LimitRebound limit(String resource, double kw, int steps) {
        return new DispatchAction.LimitRebound(resource, STEP, Collections.nCopies(steps, kw));
    }

    /** Grid import above the shadow's, highest over [from, to), read every 10 s. */
    private static double peakAddedKw(SimulatedDataCenter dc, Instant from, Instant to) {
        double peak = Double.NEGATIVE_INFINITY;
        for (Instant t = from.plusSeconds(10); t.isBefore(to); t = t.plusSeconds(10)) {
            peak = Math.max(peak, dc.state(t).gridImportKw() - dc.baseline(t).gridImportKw());
        }
        return peak;
    }

    /** A site that held 900 kW of batch for an hour, the hold reverted at its end. */
    private static DispatchOrder heldBatch(SimulatedDataCenter dc) {
        DispatchOrder hold = order("d-hold", START, Duration.ofHours(1), reduce(BATCH, 900));
        assertThat(dc.check(hold, START)).isEmpty();
        dc.apply(hold, START);
        dc.revert(hold, hold.end());
        return hold;
    }

    @Test
    void deferredBatchComesBackWithinTheLimitAndAllOfItStillRuns() {
        // GIVEN two alike sites that held batch for an hour; one gets a 150 kW rebound limit for
        // 12 steps of 5 min from the hold's end
        SimulatedDataCenter free = SimFixtures.site(31);
        SimulatedDataCenter limited = SimFixtures.site(31);
        DispatchOrder hold = heldBatch(free);
        heldBatch(limited);
        Instant end = hold.end();
        DispatchOrder rebound = order("d-rb", end, Duration.ofHours(1), limit(BATCH, 150, 12));
        assertThat(limited.check(rebound, end)).isEmpty();
        limited.apply(rebound, end);
        // THEN without it the queue catches up far above 150 kW; with it the added load stays
        // within the limit (the chillers follow the IT load a step late: 5 %)
        Instant until = end.plus(Duration.ofHours(1));
        assertThat(peakAddedKw(free, end, until)).isGreaterThan(450);
        double limitedPeak = peakAddedKw(limited, end.plusSeconds(60), until);
        assertThat(limitedPeak).isLessThanOrEqualTo(150 * 1.05).isGreaterThan(100);
        // AND after the limit lifts the rest of the held work runs: over the day the energy is
        // the same as the free site's, and no deadline is missed beyond the shadow's
        limited.revert(rebound, rebound.end());
        Instant later = START.plus(Duration.ofHours(10));
        double freeKwh = 0;
        double limitedKwh = 0;
        for (Instant t = START.plusSeconds(10); t.isBefore(later); t = t.plusSeconds(10)) {
            freeKwh += free.state(t).batchKw() / 360;
            limitedKwh += limited.state(t).batchKw() / 360;
        }
        assertThat(limitedKwh).isCloseTo(freeKwh, within(0.02 * freeKwh));
        assertThat(limited.state(later).batchDeadlinesMissed())
                .isEqualTo(limited.baseline(later).batchDeadlinesMissed());
    }

    @Test
    void theBatteryRechargesNoFasterThanTheLimitThenAtItsOwnRate() {
        // GIVEN a 45 min discharge of 1.5 MW, then a 200 kW limit for four steps
        SimulatedDataCenter dc = SimFixtures.site(32);
        DispatchOrder ups = order("d-ups", START, Duration.ofMinutes(45), reduce(UPS, 1500));
        dc.apply(ups, START);
        dc.revert(ups, ups.end());
        DispatchOrder rebound =
                order("d-rb", ups.end(), Duration.ofMinutes(20), limit(UPS, 200, 4));
        assertThat(dc.check(rebound, ups.end())).isEmpty();
        dc.apply(rebound, ups.end());
        // THEN while it holds the battery draws 200 kW, after it the full 500 kW
        assertThat(dc.state(ups.end().plusSeconds(60)).batteryKw()).isEqualTo(-200.0);
        assertThat(dc.state(ups.end().plus(Duration.ofMinutes(19))).batteryKw()).isEqualTo(-200.0);
        dc.revert(rebound, rebound.end());
        assertThat(dc.state(rebound.end().plusSeconds(60)).batteryKw()).isEqualTo(-500.0);
    }

    @Test
    void theStoreReCoolsNoFasterThanTheLimit() {
        // GIVEN a 20 min coast of 900 kW, then a 40 kW limit on the store's re-cooling
        SimulatedDataCenter dc = SimFixtures.site(33);
        DispatchOrder chw = order("d-chw", START, Duration.ofMinutes(20), reduce(CHW, 900));
        dc.apply(chw, START);
        dc.revert(chw, chw.end());
        DispatchOrder rebound = order("d-rb", chw.end(), Duration.ofMinutes(30), limit(CHW, 40, 6));
        dc.apply(rebound, chw.end());
        // THEN the chillers draw at most 40 kW above the shadow's while it holds
        for (Instant t = chw.end().plusSeconds(10);
                t.isBefore(rebound.end());
                t = t.plusSeconds(60)) {
            assertThat(dc.state(t).chillerKw() - dc.baseline(t).chillerKw())
                    .as("re-cooling at %s", t)
                    .isLessThanOrEqualTo(40 + 1e-6);
        }
        // AND once it lifts they re-cool faster
        dc.revert(rebound, rebound.end());
        Instant after = rebound.end().plusSeconds(10);
        assertThat(dc.state(after).chillerKw()).isGreaterThan(dc.baseline(after).chillerKw() + 100);
    }

    @Test
    void aLimitOnAResourceThatGivesNothingBackIsRefusedByName() {
        SimulatedDataCenter dc = SimFixtures.site(34);
        assertThat(dc.check(order("d-t", START, STEP, limit(TRAIN, 10, 1)), START))
                .hasValueSatisfying(why -> assertThat(why).contains("LIMIT_REBOUND on 'train'"));
        assertThat(dc.check(order("d-g", START, STEP, limit(GEN, 10, 1)), START))
                .hasValueSatisfying(why -> assertThat(why).contains("'gen'"));
        assertThat(dc.check(order("d-x", START, STEP, limit("nope", 10, 1)), START))
                .hasValue("unknown resource 'nope'");
    }
}
