package io.gridshift.agent.sim;

import static io.gridshift.agent.sim.SimFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridshift.agent.site.SiteReading;
import io.gridshift.domain.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimulatedDayTest {

    private static List<SiteReading> dayEvery(SimulatedDataCenter dc, Duration every) {
        List<SiteReading> readings = new ArrayList<>();
        for (Instant t = T0; !t.isAfter(T0.plus(Duration.ofDays(1))); t = t.plus(every)) {
            readings.add(dc.read(t));
        }
        return readings;
    }

    @Test
    void sameSeedSameSeriesOtherSeedOtherSeries() {
        // GIVEN two sites with seed 7 and one with seed 8
        // WHEN each is read every 10 minutes for a day
        List<SiteReading> a = dayEvery(SimFixtures.site(7), Duration.ofMinutes(10));
        List<SiteReading> b = dayEvery(SimFixtures.site(7), Duration.ofMinutes(10));
        List<SiteReading> c = dayEvery(SimFixtures.site(8), Duration.ofMinutes(10));
        // THEN the same seed gives the very same series, another seed another one
        assertThat(a).hasSize(145).isEqualTo(b);
        assertThat(c).isNotEqualTo(a);
        long differing = 0;
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).facilityKw() != c.get(i).facilityKw()) {
                differing++;
            }
        }
        assertThat(differing).isGreaterThan(140);
    }

    @Test
    void readingsDoNotDependOnHowOftenTheSiteIsRead() {
        // GIVEN one site read every second and one read every hour, same seed
        SimulatedDataCenter often = SimFixtures.site(11);
        SimulatedDataCenter seldom = SimFixtures.site(11);
        ManualClock clock = new ManualClock(T0);
        for (int h = 1; h <= 6; h++) {
            Instant hour = T0.plus(Duration.ofHours(h));
            while (clock.instant().isBefore(hour)) {
                often.read(clock.advance(Duration.ofSeconds(1)));
            }
            // THEN both show the same state on the hour
            assertThat(seldom.read(hour)).isEqualTo(often.read(hour));
        }
        // AND reading an earlier instant does not move time backwards
        SiteReading now = often.read(clock.instant());
        assertThat(often.read(T0)).isEqualTo(now);
        assertThat(often.state(T0).time()).isEqualTo(clock.instant());
    }

    @Test
    void aDayHasADailyShapeThatFollowsTheLocalClock() {
        // GIVEN a site in UTC and the same site at UTC+8
        SimulatedDataCenter utc = SimFixtures.site(3);
        SimulatedDataCenter east =
                SimFixtures.site(SimFixtures.typical(3).withLocalOffset(ZoneOffset.ofHours(8)));
        // WHEN both run a day
        double[] utcByHour = hourlyMeanFacilityKw(utc);
        double[] eastByHour = hourlyMeanFacilityKw(east);
        // THEN the afternoon (13-17 local) draws clearly more than the night (1-5 local)
        assertThat(mean(utcByHour, 13, 17)).isGreaterThan(1.15 * mean(utcByHour, 1, 5));
        // AND at UTC+8 the local afternoon is at 05-09 UTC
        assertThat(mean(eastByHour, 5, 9)).isGreaterThan(1.15 * mean(eastByHour, 17, 21));
    }

    private static double[] hourlyMeanFacilityKw(SimulatedDataCenter dc) {
        double[] sums = new double[24];
        for (int m = 0; m < 24 * 60; m++) {
            sums[m / 60] += dc.read(T0.plus(Duration.ofMinutes(m + 1))).facilityKw() / 60;
        }
        return sums;
    }

    private static double mean(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum / (to - from);
    }

    @Test
    void facilityIsItTimesPueWithinRangeAndHigherWhenHot() {
        // GIVEN a summer site and the same site in a cool climate
        SimulatedDataCenter summer = SimFixtures.site(5);
        SimulatedDataCenter cool =
                SimFixtures.site(
                        SimFixtures.typical(5).withWeather(new WeatherOptions(10, 5, 0.8)));
        PueModel model = new PueModel(SimFixtures.typical(5).pue());
        // WHEN both are read every 5 minutes for a day
        for (int m = 5; m <= 24 * 60; m += 5) {
            Instant t = T0.plus(Duration.ofMinutes(m));
            SimulatedSiteState hot = summer.state(t);
            SimulatedSiteState mild = cool.state(t);
            // THEN facility = IT x PUE(IT, outdoor temperature), with PUE in 1.1-1.5
            assertThat(hot.facilityKw())
                    .isCloseTo(hot.itKw() * model.pue(hot.itKw(), hot.outdoorC()), within(1e-6));
            assertThat(hot.pue()).isBetween(1.1, 1.5);
            assertThat(mild.pue()).isBetween(1.1, 1.5);
            // AND with no order and no battery flow the grid import is the facility draw
            assertThat(hot.gridImportKw()).isEqualTo(hot.facilityKw());
            // AND the same load costs more overhead when it is warmer outside
            assertThat(hot.pue()).isGreaterThan(mild.pue());
        }
    }

    @Test
    void gpuPowerFollowsTheCalibrationCurve() {
        // GIVEN a site that only trains: 1,024 H200s at 95 % duty with 250 W of host per GPU
        SimulatedSiteOptions options =
                SimFixtures.typical(9)
                        .withJobMix(
                                new JobMixOptions(
                                        0,
                                        0,
                                        15,
                                        0,
                                        0,
                                        50,
                                        Duration.ofMinutes(40),
                                        Duration.ofMinutes(30),
                                        Duration.ofHours(8)))
                        .withTraining(new TrainingOptions(1024, 256, 0.95, 0.25, 0.5, 4, Set.of()));
        SimulatedDataCenter dc = SimFixtures.site(options);
        GpuPowerCurve h200 = GpuPowerCurve.h200();
        // THEN its IT load is GPUs x (board power from the curve + host)
        double boardW = h200.powerW(0.95);
        assertThat(boardW).isCloseTo(620.2 + 0.8 * (689.8 - 620.2), within(1e-9));
        assertThat(dc.read(T0.plusSeconds(60)).itKw())
                .isCloseTo(1024 * (boardW / 1000 + 0.25), within(1e-6));
        // WHEN the whole training power range is cut (a pause)
        double pauseKw =
                dc.envelope(T0.plusSeconds(60), Duration.ofMinutes(5))
                        .resource(SimulatedResources.TRAIN)
                        .orElseThrow()
                        .maxReductionKw();
        dc.apply(
                SimFixtures.order(
                        "d-pause",
                        T0.plusSeconds(60),
                        Duration.ofHours(1),
                        SimFixtures.reduce(SimulatedResources.TRAIN, pauseKw)),
                T0.plusSeconds(60));
        // THEN each GPU draws the idle floor of the curve, and the hosts stay
        SimulatedSiteState paused = dc.state(T0.plusSeconds(120));
        assertThat(paused.trainingCapShare()).isCloseTo(1.0, within(1e-9));
        assertThat(paused.itKw()).isCloseTo(1024 * (119.4 / 1000 + 0.25), within(1e-6));
    }

    @Test
    void aSimulatedDayAtOneSecondReadsRuns() {
        // GIVEN a typical site and an agent reading it every second of a day
        SimulatedDataCenter dc = SimFixtures.site(13);
        ManualClock clock = new ManualClock(T0);
        double minKw = Double.MAX_VALUE;
        double maxKw = 0;
        for (int s = 0; s < 86_400; s++) {
            SiteReading r = dc.read(clock.advance(Duration.ofSeconds(1)));
            minKw = Math.min(minKw, r.facilityKw());
            maxKw = Math.max(maxKw, r.facilityKw());
        }
        // THEN it got through the day with a plausible 10 MW-class load and no missed deadline
        assertThat(minKw).isBetween(6_000.0, 11_000.0);
        assertThat(maxKw).isBetween(10_000.0, 14_000.0);
        SimulatedSiteState end = dc.state(clock.instant());
        assertThat(end.time()).isEqualTo(T0.plus(Duration.ofDays(1)));
        assertThat(end.batchDeadlinesMissed()).isZero();
        assertThat(end.batterySocPct()).isEqualTo(100.0);
    }
}
