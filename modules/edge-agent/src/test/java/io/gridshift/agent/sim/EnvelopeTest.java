package io.gridshift.agent.sim;

import static io.gridshift.agent.sim.SimFixtures.T0;
import static io.gridshift.agent.sim.SimFixtures.order;
import static io.gridshift.agent.sim.SimFixtures.reduce;
import static io.gridshift.agent.sim.SimulatedResources.BATCH;
import static io.gridshift.agent.sim.SimulatedResources.CHW;
import static io.gridshift.agent.sim.SimulatedResources.TRAIN;
import static io.gridshift.agent.sim.SimulatedResources.UPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.flex.Battery;
import io.gridshift.domain.flex.FlexEnvelope;
import io.gridshift.domain.flex.PowerCap;
import io.gridshift.domain.flex.ResourceKind;
import io.gridshift.domain.flex.ThermalStorage;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EnvelopeTest {
    private static final Instant START = T0.plus(Duration.ofHours(14));
    private static final Duration VALID = Duration.ofMinutes(5);

    @Test
    void typicalSiteOffersAllSixKindsAgainstItsBaseline() {
        // GIVEN a typical site
        SimulatedDataCenter dc = SimFixtures.site(31);
        // WHEN it describes its flexibility
        FlexEnvelope env = dc.envelope(START, VALID);
        // THEN every kind is there, the baseline is the facility import, hosting is free
        assertThat(env.reductionByKind()).containsOnlyKeys(ResourceKind.values());
        assertThat(env.site()).isEqualTo(SimFixtures.SITE);
        assertThat(env.validUntil()).isEqualTo(START.plus(VALID));
        assertThat(env.baselineKw()).isEqualTo(dc.read(START).gridImportKw());
        assertThat(env.hostingCapacityKw()).isEqualTo(500.0);
        // AND the power cap's loss curve is the measured trade: the first tenth costs most
        PowerCap cap = (PowerCap) env.resource(TRAIN).orElseThrow();
        double firstTenth = cap.maxReductionKw() / 10;
        assertThat(cap.lossCurve().lossAt(firstTenth)).isBetween(0.12, 0.25);
        assertThat(cap.lossCurve().lossAt(cap.maxReductionKw())).isEqualTo(1.0);
    }

    @Test
    void activeDeferralShrinksWhatIsLeft() {
        // GIVEN the batch resource before any order
        SimulatedDataCenter dc = SimFixtures.site(32);
        double before = dc.envelope(START, VALID).resource(BATCH).orElseThrow().maxReductionKw();
        // WHEN 600 kW of batch is held
        DispatchOrder hold = order("d-hold", START, Duration.ofMinutes(30), reduce(BATCH, 600));
        dc.apply(hold, START);
        Instant t = START.plus(Duration.ofMinutes(2));
        double during = dc.envelope(t, VALID).resource(BATCH).orElseThrow().maxReductionKw();
        // THEN about 600 kW less is offered (the jobs held are no longer running)
        assertThat(during).isLessThan(before - 450);
        // AND the same holds for a training cap
        double capBefore = dc.envelope(t, VALID).resource(TRAIN).orElseThrow().maxReductionKw();
        dc.apply(order("d-cap", t, Duration.ofHours(1), reduce(TRAIN, 500)), t);
        Instant later = t.plusSeconds(30);
        assertThat(dc.envelope(later, VALID).resource(TRAIN).orElseThrow().maxReductionKw())
                .isCloseTo(capBefore - 500, within(5.0));
    }

    @Test
    void batteryDurationIsAvailableEnergyOverPowerNetOfRunningDischarges() {
        // GIVEN a full 4 MWh battery with a 50 % floor and a 2 MW inverter
        SimulatedDataCenter dc = SimFixtures.site(33);
        Battery idle = (Battery) dc.envelope(START, VALID).resource(UPS).orElseThrow();
        // THEN it offers 2 MW for 2,000 kWh / 2,000 kW = 1 h
        assertThat(idle.availableKwh()).isCloseTo(2_000, within(1e-6));
        assertThat(idle.maxDischargeKw()).isEqualTo(2_000.0);
        assertThat(idle.maxDuration()).isEqualTo(Duration.ofHours(1));
        // WHEN 1 MW is discharged for 30 min, then looked at 10 min in
        dc.apply(order("d-ups", START, Duration.ofMinutes(30), reduce(UPS, 1000)), START);
        Battery busy =
                (Battery)
                        dc.envelope(START.plus(Duration.ofMinutes(10)), VALID)
                                .resource(UPS)
                                .orElseThrow();
        // THEN 1 MW is left, and what is left above the floor is net of the 20 min still promised
        double socAfter10Min = 100 - 1000 / 6.0 / 4000 * 100;
        assertThat(busy.socPct()).isCloseTo(socAfter10Min, within(1e-6));
        assertThat(busy.maxDischargeKw()).isEqualTo(1_000.0);
        double leftKwh = 2_000 - 1000 / 6.0 - 1000 / 3.0;
        assertThat(busy.availableKwh()).isCloseTo(leftKwh, within(1e-6));
        assertThat(busy.maxDuration().getSeconds())
                .isCloseTo((long) (leftKwh / 1000 * 3600), within(1L));
    }

    @Test
    void thermalStoreLeftBoundsCoasting() {
        // GIVEN a full store
        SimulatedDataCenter dc = SimFixtures.site(34);
        ThermalStorage full =
                (ThermalStorage) dc.envelope(START, VALID).resource(CHW).orElseThrow();
        assertThat(full.maxDuration()).isBetween(Duration.ofMinutes(20), Duration.ofHours(2));
        // WHEN it coasts fully for 15 min and is then released
        DispatchOrder coast =
                order("d-coast", START, Duration.ofMinutes(15), reduce(CHW, full.maxReductionKw()));
        dc.apply(coast, START);
        dc.revert(coast, coast.end());
        ThermalStorage after =
                (ThermalStorage) dc.envelope(coast.end(), VALID).resource(CHW).orElseThrow();
        // THEN it can coast for less time than before, by about the time it coasted
        assertThat(after.maxDuration())
                .isLessThan(full.maxDuration().minus(Duration.ofMinutes(10)));
        // AND once recharged it offers its full duration again
        ThermalStorage recharged =
                (ThermalStorage)
                        dc.envelope(coast.end().plus(Duration.ofHours(3)), VALID)
                                .resource(CHW)
                                .orElseThrow();
        assertThat(dc.state(coast.end().plus(Duration.ofHours(3))).chilledWaterKwh())
                .isEqualTo(6_000.0);
        assertThat(recharged.maxDuration()).isGreaterThan(after.maxDuration());
    }
}
