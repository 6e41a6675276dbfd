package io.gridshift.agent.sim;

import static io.gridshift.agent.sim.SimFixtures.T0;
import static io.gridshift.agent.sim.SimFixtures.order;
import static io.gridshift.agent.sim.SimFixtures.reduce;
import static io.gridshift.agent.sim.SimulatedResources.BATCH;
import static io.gridshift.agent.sim.SimulatedResources.UPS;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridshift.agent.site.SiteReading;
import io.gridshift.domain.dispatch.DispatchOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the simulated site over cases drawn once from a fixed seed, so every run checks the
 * same ones; each case's name shows its values, and the ranges' corners come first.
 */
class SimulatedSitePropertiesTest {

    /** A site seed, how often one of two sites is read, and when the order starts. */
    record Cadence(long seed, int readEverySeconds, int orderAtMinute) {
        static Cadence draw(RandomGenerator r) {
            return new Cadence(r.nextLong(1, 1_000_001), r.nextInt(1, 98), r.nextInt(0, 121));
        }

        @Override
        public String toString() {
            return String.format(
                    "site seed %d, read every %d s, order at minute %d",
                    seed, readEverySeconds, orderAtMinute);
        }
    }

    static Stream<Cadence> cadences() {
        RandomGenerator random = new SplittableRandom(20260701);
        return Stream.concat(
                Stream.of(new Cadence(1, 1, 0), new Cadence(1_000_000, 97, 120)),
                Stream.generate(() -> Cadence.draw(random)).limit(10));
    }

    /**
     * A site seed, a UPS discharge, its window as a share of what the battery lasts, a batch hold.
     */
    record Discharge(long seed, double kw, double shareOfMaxWindow, double batchKw) {
        static Discharge draw(RandomGenerator r) {
            return new Discharge(
                    r.nextLong(1, 1_000_001),
                    r.nextDouble(500, 2000),
                    r.nextDouble(0.05, 1),
                    r.nextDouble(0, 2000));
        }

        @Override
        public String toString() {
            return String.format(
                    "site seed %d, UPS %s kW for %s of its longest window, batch %s kW",
                    seed, kw, shareOfMaxWindow, batchKw);
        }
    }

    static Stream<Discharge> discharges() {
        RandomGenerator random = new SplittableRandom(20260702);
        return Stream.concat(
                Stream.of(new Discharge(1, 500, 1, 2000), new Discharge(1_000_000, 2000, 0.05, 0)),
                Stream.generate(() -> Discharge.draw(random)).limit(8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cadences")
    void sameSeedAndOrdersGiveTheSameReadingsWhateverTheReadCadence(Cadence c) {
        // GIVEN two sites with the same seed, one read often at an odd cadence, one seldom
        SimulatedDataCenter often = SimFixtures.site(c.seed());
        SimulatedDataCenter seldom = SimFixtures.site(c.seed());
        Instant orderAt = T0.plus(Duration.ofMinutes(c.orderAtMinute()));
        DispatchOrder hold = order("d-p", orderAt, Duration.ofMinutes(20), reduce(UPS, 700));
        boolean applied = false;
        for (Instant t = T0;
                t.isBefore(T0.plus(Duration.ofHours(3)));
                t = t.plusSeconds(c.readEverySeconds())) {
            if (!applied && !t.isBefore(orderAt)) {
                // WHEN both get the same order at the same instant
                often.apply(hold, orderAt);
                seldom.apply(hold, orderAt);
                applied = true;
            }
            often.read(t);
        }
        // THEN both read the same at the end, and both saw the same discharge
        Instant end = T0.plus(Duration.ofHours(3));
        SiteReading a = often.read(end);
        SiteReading b = seldom.read(end);
        assertThat(a).as("%s", c).isEqualTo(b);
        assertThat(a.batterySocPct()).as("%s", c).isLessThan(100.0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("discharges")
    void anAcceptedDischargeNeverTakesTheBatteryBelowItsFloor(Discharge d) {
        // GIVEN a discharge within what the battery offers, next to a batch hold if it fits
        SimulatedDataCenter dc = SimFixtures.site(d.seed());
        double availableKwh = 2_000;
        long windowS = (long) (d.shareOfMaxWindow() * availableKwh / d.kw() * 3600);
        DispatchOrder ups = order("d-ups", T0, Duration.ofSeconds(windowS), reduce(UPS, d.kw()));
        DispatchOrder batch =
                order("d-batch", T0, Duration.ofSeconds(windowS), reduce(BATCH, d.batchKw()));
        assertThat(dc.check(ups, T0)).as("%s", d).isEmpty();
        dc.apply(ups, T0);
        if (dc.check(batch, T0).isEmpty()) {
            dc.apply(batch, T0);
        }
        // WHEN the agent never reverts and the site runs until well past the floor
        double floor = dc.options().battery().minSocPct();
        Instant until = T0.plusSeconds((long) (availableKwh / d.kw() * 3600) + 1800);
        for (Instant t = T0; t.isBefore(until); t = t.plusSeconds(10)) {
            SimulatedSiteState s = dc.state(t);
            // THEN the state of charge never goes below the floor, nor the grid import below 0
            assertThat(s.batterySocPct()).as("%s, at %s", d, t).isGreaterThanOrEqualTo(floor);
            assertThat(s.gridImportKw()).as("%s, at %s", d, t).isGreaterThanOrEqualTo(0);
            // AND no batch deadline breaks
            assertThat(s.batchDeadlinesMissed())
                    .as("%s, at %s", d, t)
                    .isEqualTo(dc.baseline(t).batchDeadlinesMissed());
        }
        // AND it did reach the floor: the discharge stopped there
        assertThat(dc.state(until).batterySocPct()).as("%s", d).isEqualTo(floor);
    }
}
