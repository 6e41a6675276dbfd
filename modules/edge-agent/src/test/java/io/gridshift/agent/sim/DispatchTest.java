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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.flex.FlexEnvelope;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DispatchTest {
    /** Mid-afternoon: chillers busy, plenty of batch running. */
    private static final Instant START = T0.plus(Duration.ofHours(14));

    static Stream<Arguments> resources() {
        // resource, kW asked, window, tolerance as a share of the kW
        return Stream.of(
                Arguments.of(BATCH, 600.0, Duration.ofMinutes(30), 0.15),
                Arguments.of(TRAIN, 800.0, Duration.ofHours(2), 0.01),
                Arguments.of(UPS, 1500.0, Duration.ofMinutes(45), 1e-6),
                Arguments.of(CHW, 900.0, Duration.ofMinutes(20), 0.05),
                Arguments.of(GEN, 2000.0, Duration.ofHours(1), 1e-6));
    }

    @ParameterizedTest
    @MethodSource("resources")
    void achievedReachesTheOrderWithinItsRampAndRevertRestoresTheLoad(
            String resource, double kw, Duration window, double tolerance) {
        // GIVEN a typical site at 14:00
        SimulatedDataCenter dc = SimFixtures.site(21);
        DispatchOrder order = order("d-" + resource, START, window, reduce(resource, kw));
        assertThat(dc.check(order, START)).isEmpty();
        // WHEN the order is applied
        dc.apply(order, START);
        Duration ramp = SimulatedResources.ramp(resource, dc.options());
        // THEN from one step after its ramp until its end it achieves what was asked
        for (Instant t = START.plus(ramp).plusSeconds(10);
                t.isBefore(order.end());
                t = t.plus(Duration.ofMinutes(1))) {
            assertThat(dc.achievedKw(order, t))
                    .as("achieved at %s", t)
                    .isCloseTo(kw, within(kw * tolerance));
        }
        // WHEN it is reverted at its end (twice: revert is idempotent)
        dc.revert(order, order.end());
        dc.revert(order, order.end());
        // THEN the IT load is back to the baseline within one step (a held batch catches up above
        // it)
        Instant after = order.end().plusSeconds(10);
        SimulatedSiteState site = dc.state(after);
        SimulatedSiteState base = dc.baseline(after);
        if (resource.equals(BATCH)) {
            assertThat(site.itKw()).isGreaterThanOrEqualTo(base.itKw());
        } else {
            assertThat(site.itKw()).isCloseTo(base.itKw(), within(1e-6));
        }
        assertThat(site.gensetKw()).isZero();
        assertThat(dc.achievedKw(order, after)).isZero();
    }

    @Test
    void batteryAndThermalReboundAfterRevert() {
        // GIVEN a 45 min discharge of 1.5 MW and a 20 min coast of 900 kW
        SimulatedDataCenter dc = SimFixtures.site(22);
        DispatchOrder ups = order("d-ups", START, Duration.ofMinutes(45), reduce(UPS, 1500));
        DispatchOrder chw = order("d-chw", START, Duration.ofMinutes(20), reduce(CHW, 900));
        dc.apply(ups, START);
        dc.apply(chw, START);
        // WHEN both are reverted at their end
        dc.revert(chw, chw.end());
        double coldLeftKwh = dc.state(chw.end()).chilledWaterKwh();
        dc.revert(ups, ups.end());
        SimulatedSiteState afterUps = dc.state(ups.end());
        // THEN the battery stopped at 1.5 MW x 0.75 h below full (= 71.875 %)
        assertThat(afterUps.batterySocPct()).isCloseTo(100 - 1125.0 / 4000 * 100, within(1e-6));
        assertThat(coldLeftKwh).isLessThan(6_000 - 900 * 20 / 60.0);
        // AND right after, the battery recharges at 500 kW on top of the baseline (the store,
        // released 25 min earlier, is already full again)
        SimulatedSiteState rebound = dc.state(ups.end().plusSeconds(60));
        SimulatedSiteState base = dc.baseline(ups.end().plusSeconds(60));
        assertThat(rebound.batteryKw()).isEqualTo(-500.0);
        assertThat(rebound.chilledWaterKwh()).isEqualTo(6_000.0);
        assertThat(rebound.gridImportKw()).isCloseTo(base.gridImportKw() + 500, within(1e-6));
        // AND hours later both are full again and the site matches its baseline
        SimulatedSiteState later = dc.state(START.plus(Duration.ofHours(5)));
        assertThat(later.batterySocPct()).isEqualTo(100.0);
        assertThat(later.chilledWaterKwh()).isEqualTo(6_000.0);
        assertThat(later.batteryKw()).isZero();
    }

    @Test
    void thermalRechargeDrawsExtraChillerPower() {
        // GIVEN a 20 min coast of 900 kW, reverted at its end
        SimulatedDataCenter dc = SimFixtures.site(23);
        DispatchOrder chw = order("d-chw", START, Duration.ofMinutes(20), reduce(CHW, 900));
        dc.apply(chw, START);
        dc.revert(chw, chw.end());
        // THEN the next step's chillers draw more than the baseline's (pre-cooling rebound)
        Instant t = chw.end().plusSeconds(10);
        assertThat(dc.state(t).chillerKw()).isGreaterThan(dc.baseline(t).chillerKw() + 100);
        assertThat(dc.achievedKw(chw, t)).isZero();
    }

    @Test
    void deferredBatchEnergyComesBackAfterTheHold() {
        // GIVEN a 30 min hold of 600 kW of batch
        SimulatedDataCenter dc = SimFixtures.site(24);
        DispatchOrder hold = order("d-hold", START, Duration.ofMinutes(30), reduce(BATCH, 600));
        dc.apply(hold, START);
        double shedKwh = 0;
        for (Instant t = START.plusSeconds(10); !t.isAfter(hold.end()); t = t.plusSeconds(10)) {
            shedKwh += (dc.baseline(t).batchKw() - dc.state(t).batchKw()) / 360;
        }
        // WHEN it ends
        dc.revert(hold, hold.end());
        double reboundKwh = 0;
        for (Instant t = hold.end().plusSeconds(10);
                t.isBefore(hold.end().plus(Duration.ofHours(8)));
                t = t.plusSeconds(10)) {
            reboundKwh += (dc.state(t).batchKw() - dc.baseline(t).batchKw()) / 360;
        }
        // THEN the held work runs later: the rebound is about the energy shed (factor 1.0);
        // 600 kW at the meter is about 450 kW of IT, 225 kWh in 30 min
        assertThat(shedKwh).isGreaterThan(200);
        assertThat(reboundKwh).isCloseTo(shedKwh, within(0.1 * shedKwh));
        // AND the hold broke no deadline
        assertThat(dc.state(hold.end().plus(Duration.ofHours(8))).batchDeadlinesMissed())
                .isEqualTo(
                        dc.baseline(hold.end().plus(Duration.ofHours(8))).batchDeadlinesMissed());
    }

    @Test
    void socNeverGoesBelowTheFloorDuringALongDischarge() {
        // GIVEN a discharge that uses exactly the energy above the 50 % floor in one hour
        SimulatedDataCenter dc = SimFixtures.site(25);
        DispatchOrder ups = order("d-long", START, Duration.ofHours(1), reduce(UPS, 2000));
        dc.apply(ups, START);
        // WHEN the agent never reverts it and the site runs three hours
        double lowest = 100;
        for (Instant t = START;
                t.isBefore(START.plus(Duration.ofHours(3)));
                t = t.plusSeconds(10)) {
            lowest = Math.min(lowest, dc.state(t).batterySocPct());
        }
        // THEN the discharge stopped at the floor and never went below it
        assertThat(lowest).isEqualTo(50.0);
        assertThat(dc.state(START.plus(Duration.ofHours(3))).batteryKw()).isZero();
        assertThat(dc.achievedKw(ups, START.plus(Duration.ofHours(2)))).isCloseTo(0, within(1e-6));
    }

    @Test
    void applyIsAllOrNothingAndIdempotent() {
        // GIVEN an order whose battery action is fine but whose genset action asks too much
        SimulatedDataCenter dc = SimFixtures.site(26);
        DispatchOrder bad =
                order("d-bad", START, Duration.ofMinutes(30), reduce(UPS, 1000), reduce(GEN, 5000));
        FlexEnvelope before = dc.envelope(START, Duration.ofMinutes(5));
        // WHEN it is applied THEN it is refused with the reason and nothing happens
        assertThatThrownBy(() -> dc.apply(bad, START))
                .isInstanceOf(GridshiftException.class)
                .hasMessageContaining("'gen'");
        assertThat(dc.envelope(START, Duration.ofMinutes(5))).isEqualTo(before);
        assertThat(dc.state(START.plusSeconds(60)).batteryKw()).isZero();
        // WHEN a good order is applied twice THEN it acts once
        DispatchOrder good = order("d-good", START, Duration.ofMinutes(30), reduce(UPS, 1000));
        dc.apply(good, START.plusSeconds(60));
        dc.apply(good, START.plusSeconds(65));
        assertThat(dc.state(START.plusSeconds(120)).batteryKw()).isEqualTo(1000.0);
        // AND a new revision replaces it rather than adding to it
        dc.apply(
                SimFixtures.revision("d-good", 2, START, Duration.ofMinutes(30), reduce(UPS, 400)),
                START.plusSeconds(120));
        assertThat(dc.state(START.plusSeconds(180)).batteryKw()).isEqualTo(400.0);
    }

    @Test
    void aRevisionAppliedAfterTheAgentRevertsTheLastMovesTheSiteFromWhereItIs() {
        // GIVEN 600 kW of batch and 1,000 kW of chilled water, ramped in for 5 minutes
        SimulatedDataCenter dc = SimFixtures.site(21);
        DispatchOrder first =
                order("d-rev", START, Duration.ofMinutes(30), reduce(BATCH, 600), reduce(CHW, 900));
        dc.apply(first, START);
        Instant t = START.plus(Duration.ofMinutes(5));
        double before = dc.achievedKw(first, t);
        assertThat(before).isGreaterThan(1200);
        // WHEN the agent replaces it by a revision that adds 200 kW of battery: revert, then apply
        DispatchOrder second =
                SimFixtures.revision(
                        "d-rev",
                        2,
                        START,
                        Duration.ofMinutes(30),
                        reduce(BATCH, 600),
                        reduce(CHW, 900),
                        reduce(UPS, 200));
        dc.revert(first, t);
        dc.apply(second, t);
        // THEN the next step keeps what batch and chilled water gave and adds the battery's 200 kW
        // (a revision is not a release and a new ramp from nothing)
        double after = dc.achievedKw(second, t.plusSeconds(10));
        assertThat(after).isCloseTo(before + 200, within(0.15 * before));
        assertThat(after).isGreaterThan(before);
    }

    @Test
    void aRevisionThatRepeatsAMoveDoesNotStartItOver() {
        // GIVEN a job ordered out at START: it leaves after the 5 min checkpoint
        SimulatedDataCenter dc = SimFixtures.site(21);
        String job =
                dc.envelope(START, Duration.ofMinutes(5)).resources().stream()
                        .filter(r -> r instanceof io.gridshift.domain.flex.MigratableJobs)
                        .map(r -> ((io.gridshift.domain.flex.MigratableJobs) r).jobs().get(0).id())
                        .findFirst()
                        .orElseThrow();
        DispatchOrder first =
                order("d-mig", START, Duration.ofMinutes(30), SimFixtures.migrateOut(job, 200));
        dc.apply(first, START);
        // WHEN a revision repeating the move (and adding a battery) replaces it 2 min later
        Instant t = START.plus(Duration.ofMinutes(2));
        DispatchOrder second =
                SimFixtures.revision(
                        "d-mig",
                        2,
                        START,
                        Duration.ofMinutes(30),
                        SimFixtures.migrateOut(job, 200),
                        reduce(UPS, 100));
        assertThat(dc.check(second, t)).isEmpty();
        dc.revert(first, t);
        dc.apply(second, t);
        // THEN the job leaves when the first checkpoint is done (5 min), not 5 min after the
        // revision
        assertThat(dc.migrations()).isEmpty();
        dc.state(START.plus(Duration.ofMinutes(5)).plusSeconds(10));
        assertThat(dc.migrations()).hasSize(1);
        assertThat(dc.migrations().get(0).job()).isEqualTo(job);
    }
}
