package io.gridshift.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridshift.domain.flex.Battery;
import io.gridshift.domain.flex.FlexEnvelope;
import io.gridshift.domain.flex.FlexResource;
import io.gridshift.domain.flex.MigratableJobs;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import io.gridshift.optimizer.bench.RandomFleet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property-style checks: over random fleets and targets from fixed seeds, every method keeps every
 * constraint, checked here from the envelopes themselves rather than from the solver's model.
 */
class AllocationConstraintsTest {
    private static final double TOL = 1e-6;
    private final Allocator allocator = new Allocator();

    @Test
    void noMethodEverBreaksAConstraint() {
        for (long seed = 1; seed <= 6; seed++) {
            Random rnd = new Random(seed);
            List<FleetSite> sites = new RandomFleet(seed, Sites.NOW, 3).sites(60);
            Horizon h =
                    Horizon.uniform(
                            Sites.NOW, Sites.NOW.plusSeconds(120), 8, Duration.ofMinutes(15));
            List<ZoneTarget> targets = new ArrayList<>();
            for (int z = 0; z < 3; z++) {
                List<Double> kw = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    // from easy to beyond what the zone can shed
                    kw.add(rnd.nextDouble() * 12_000 * seed / 3);
                }
                targets.add(new ZoneTarget(RandomFleet.zone(z), kw));
            }
            AllocationRequest r = new AllocationRequest(sites, h, targets, 0.15, 0.05);
            Map<SolverOptions.Mode, Allocation> byMode = new HashMap<>();
            for (SolverOptions.Mode mode : SolverOptions.Mode.values()) {
                Allocation a =
                        allocator.allocate(r, new SolverOptions(mode, Duration.ofSeconds(30)));
                check(r, a);
                byMode.put(mode, a);
            }
            Allocation lp = byMode.get(SolverOptions.Mode.LP);
            assertThat(lp.report().fallback()).isFalse();
            // the LP is never dearer than the heuristic for the same delivery
            assertThat(totalShortfall(lp))
                    .isLessThanOrEqualTo(
                            totalShortfall(byMode.get(SolverOptions.Mode.MERIT_ORDER)) + TOL);
            if (totalShortfall(lp) < TOL) {
                assertThat(lp.cost())
                        .isLessThanOrEqualTo(
                                byMode.get(SolverOptions.Mode.MERIT_ORDER).cost() * (1 + 1e-9)
                                        + TOL);
            }
        }
    }

    private static double totalShortfall(Allocation a) {
        return a.zones().stream()
                .flatMap(z -> z.shortfallKw().stream())
                .mapToDouble(Double::doubleValue)
                .sum();
    }

    private static void check(AllocationRequest r, Allocation a) {
        double keep = 1 - r.reserveShare();
        double[] hours = r.horizon().hours();
        Map<SiteId, FlexEnvelope> env = new HashMap<>();
        r.sites().forEach(s -> env.put(s.site(), s.envelope()));
        Map<SiteId, double[]> siteKw = new HashMap<>();
        Map<GridZone, double[]> zoneKw = new HashMap<>();
        for (ResourceAllocation ra : a.resources()) {
            FlexEnvelope e = env.get(ra.site());
            FlexResource res = e.resource(ra.resource()).orElseThrow();
            assertThat(res).isNotInstanceOf(MigratableJobs.class);
            double[] ready = r.horizon().readiness(res.ramp());
            double kwh = 0;
            for (int t = 0; t < hours.length; t++) {
                double kw = ra.kw().get(t);
                assertThat(kw).isGreaterThanOrEqualTo(-TOL);
                // power, ramp and reserve
                assertThat(kw).isLessThanOrEqualTo(res.maxReductionKw() * keep * ready[t] + TOL);
                kwh += kw * hours[t];
                siteKw.computeIfAbsent(ra.site(), s -> new double[hours.length])[t] += kw;
                zoneKw.computeIfAbsent(e.zone(), z -> new double[hours.length])[t] += kw;
            }
            if (res instanceof Battery b) {
                // state of charge never below the floor, reserve's share of the energy kept
                double socAfter = b.socPct() - kwh / b.energyKwh() * 100;
                assertThat(socAfter)
                        .isGreaterThanOrEqualTo(
                                b.minSocPct()
                                        + r.reserveShare() * (b.socPct() - b.minSocPct())
                                        - TOL);
            } else if (res.maxDuration() != null) {
                // deferred jobs before their deadline, thermal store, genset run time
                double hoursAllowed = res.maxDuration().toMillis() / 3_600_000.0;
                assertThat(kwh)
                        .isLessThanOrEqualTo(res.maxReductionKw() * hoursAllowed * keep + TOL);
            }
        }
        siteKw.forEach(
                (s, kw) -> {
                    for (double v : kw) {
                        assertThat(v).isLessThanOrEqualTo(env.get(s).baselineKw() * keep + TOL);
                    }
                });
        for (ZoneResult z : a.zones()) {
            double[] got = zoneKw.getOrDefault(z.zone(), new double[hours.length]);
            for (int t = 0; t < hours.length; t++) {
                assertThat(got[t])
                        .isCloseTo(
                                z.allocatedKw().get(t),
                                org.assertj.core.api.Assertions.within(1e-6));
                assertThat(z.allocatedKw().get(t) + z.shortfallKw().get(t))
                        .isCloseTo(
                                z.targetKw().get(t), org.assertj.core.api.Assertions.within(1e-4));
            }
        }
    }
}
