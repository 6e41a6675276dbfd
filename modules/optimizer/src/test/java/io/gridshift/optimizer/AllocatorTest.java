package io.gridshift.optimizer;

import static io.gridshift.optimizer.Sites.NOW;
import static io.gridshift.optimizer.Sites.START;
import static io.gridshift.optimizer.Sites.quarterHours;
import static io.gridshift.optimizer.Sites.site;
import static io.gridshift.optimizer.Sites.target;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridshift.domain.flex.Battery;
import io.gridshift.domain.flex.DeferrableJobs;
import io.gridshift.domain.flex.LossCurve;
import io.gridshift.domain.flex.OnsiteGeneration;
import io.gridshift.domain.flex.PowerCap;
import io.gridshift.domain.site.SiteId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllocatorTest {
    private static final Duration ZERO = Duration.ZERO;
    private final Allocator allocator = new Allocator();

    /** batch 100 kW at 0.10, genset 300 kW at 0.30 + 0.5 kg x 0.2 = 0.40, UPS 200 kW / 50 kWh. */
    private static FleetSite threeResources() {
        return site(
                "dc-a",
                "DE",
                1_000,
                new DeferrableJobs("batch", 100, Duration.ofHours(4), ZERO, 0.10, 1.0),
                new OnsiteGeneration("genset", 300, null, ZERO, 0.30, 0.5),
                new Battery("ups", 200, 100, 100, 50, ZERO, 0.05));
    }

    private static AllocationRequest twoQuarters(FleetSite s, double kw, double reserve) {
        return new AllocationRequest(
                List.of(s), quarterHours(2), List.of(target("DE", kw, kw)), reserve, 0.2);
    }

    @Test
    void energyLimitedBatterySpreadsOverTheEventAtLeastCost() {
        // GIVEN 250 kW in each of two quarter hours; the UPS holds 50 kWh above its floor
        // WHEN allocated
        Allocation a =
                allocator.allocate(twoQuarters(threeResources(), 250, 0), SolverOptions.defaults());
        // THEN the UPS gives 100 kW in both (50 kWh), batch 100, genset 50 in both:
        // per quarter 0.25 h x (100 x 0.05 + 100 x 0.10 + 50 x 0.40) = 8.75, 17.50 in all.
        // Spending the UPS at 200 kW in the first quarter would need 150 kW of genset in the
        // second: 0.25 x (200 x 0.05 + 50 x 0.1) + 0.25 x (100 x 0.1 + 150 x 0.4) = 21.25.
        assertThat(a.cost()).isCloseTo(17.5, within(1e-6));
        assertThat(a.report().solver()).isEqualTo("GLOP");
        assertThat(a.report().status()).isEqualTo("OPTIMAL");
        assertThat(a.report().fallback()).isFalse();
        SiteId dc = SiteId.of("dc-a");
        assertThat(a.siteKw(dc, 0)).isCloseTo(250, within(1e-6));
        assertThat(a.siteKw(dc, 1)).isCloseTo(250, within(1e-6));
        double upsKwh = kw(a, "ups", 0) * 0.25 + kw(a, "ups", 1) * 0.25;
        assertThat(upsKwh).isCloseTo(50, within(1e-6));
    }

    @Test
    void meritOrderAloneFindsTheSameCostHereButSaysItIsAHeuristic() {
        Allocation a =
                allocator.allocate(
                        twoQuarters(threeResources(), 250, 0),
                        new SolverOptions(SolverOptions.Mode.MERIT_ORDER, Duration.ofSeconds(1)));
        assertThat(a.cost()).isCloseTo(17.5, within(1e-6));
        assertThat(a.report().solver()).isEqualTo("MERIT_ORDER");
        assertThat(a.report().status()).isEqualTo("FEASIBLE");
        assertThat(a.report().gap()).isNaN();
    }

    @Test
    void separableCaseIsSolvedExactlyByTheMeritOrder() {
        // GIVEN 150 kW in one hour, no energy or site limit in the way
        FleetSite s =
                site(
                        "dc-a",
                        "DE",
                        1_000,
                        new DeferrableJobs("batch", 100, Duration.ofHours(4), ZERO, 0.10, 1.0),
                        new OnsiteGeneration("genset", 300, null, ZERO, 0.30, 0.5));
        AllocationRequest r =
                new AllocationRequest(
                        List.of(s),
                        Horizon.uniform(NOW, START, 1, Duration.ofHours(1)),
                        List.of(target("DE", 150.0)),
                        0,
                        0.2);
        Allocation a = allocator.allocate(r, SolverOptions.defaults());
        // THEN batch 100 x 0.10 + genset 50 x 0.40 = 30, proven optimal without GLOP
        assertThat(a.cost()).isCloseTo(30, within(1e-9));
        assertThat(a.report().solver()).isEqualTo("MERIT_ORDER");
        assertThat(a.report().status()).isEqualTo("OPTIMAL");
        assertThat(a.report().gap()).isZero();
        assertThat(a.actions(SiteId.of("dc-a"), 0)).hasSize(2);
    }

    @Test
    void infeasibleTargetAllocatesTheMaximumAndSaysTheShortfall() {
        // GIVEN a genset of 300 kW, 10 % kept in reserve, 400 kW asked
        FleetSite s = site("dc-a", "DE", 1_000, new OnsiteGeneration("g", 300, null, ZERO, 0.3, 0));
        for (SolverOptions.Mode mode : SolverOptions.Mode.values()) {
            Allocation a =
                    allocator.allocate(
                            twoQuarters(s, 400, 0.1),
                            new SolverOptions(mode, Duration.ofSeconds(5)));
            // THEN 270 kW are allocated and 130 kW are short in each interval
            ZoneResult z = a.zones().get(0);
            assertThat(z.allocatedKw())
                    .allSatisfy(kw -> assertThat(kw).isCloseTo(270, within(1e-6)));
            assertThat(z.shortfallKw())
                    .allSatisfy(kw -> assertThat(kw).isCloseTo(130, within(1e-6)));
            assertThat(z.isShort()).isTrue();
        }
    }

    @Test
    void failingSolverFallsBackOnTheMeritOrderAndSaysWhy() {
        AllocationSolver broken =
                new AllocationSolver() {
                    @Override
                    public String name() {
                        return "BROKEN";
                    }

                    @Override
                    public Solution solve(Problem p, long deadline) throws SolverFailure {
                        throw new SolverFailure("numerical trouble");
                    }
                };
        Allocation a =
                new Allocator(broken)
                        .allocate(twoQuarters(threeResources(), 250, 0), SolverOptions.defaults());
        assertThat(a.report().fallback()).isTrue();
        assertThat(a.report().solver()).isEqualTo("MERIT_ORDER");
        assertThat(a.report().fallbackReason()).isEqualTo("BROKEN failed: numerical trouble");
        assertThat(a.cost()).isCloseTo(17.5, within(1e-6));
    }

    @Test
    void zeroTimeLimitForcesTheFallback() {
        Allocation a =
                allocator.allocate(
                        twoQuarters(threeResources(), 250, 0),
                        new SolverOptions(SolverOptions.Mode.LP, Duration.ZERO));
        assertThat(a.report().fallback()).isTrue();
        assertThat(a.report().fallbackReason()).contains("time limit");
        assertThat(a.zones().get(0).shortfallKw()).containsOnly(0.0);
    }

    @Test
    void powerCapPaysItsLossCurveSegmentBySegment() {
        // GIVEN a cap whose work is 100 kW valued at 2/kWh: 0-50 kW loses 10 % (0.002/kW),
        // 50-100 kW loses 90 % (0.018/kW)
        LossCurve curve =
                new LossCurve(
                        List.of(
                                new LossCurve.Point(0, 0),
                                new LossCurve.Point(50, 0.1),
                                new LossCurve.Point(100, 1)));
        FleetSite s = site("dc-a", "DE", 1_000, new PowerCap("gpu", 100, null, ZERO, curve, 2));
        AllocationRequest r =
                new AllocationRequest(
                        List.of(s),
                        Horizon.uniform(NOW, START, 1, Duration.ofHours(1)),
                        List.of(target("DE", 60.0)),
                        0,
                        0);
        // THEN 50 kW x 0.002 x 100 x 2 = 20, then 10 kW x 0.018 x 100 x 2 = 36: 56 for the hour
        assertThat(allocator.allocate(r, SolverOptions.defaults()).cost())
                .isCloseTo(56, within(1e-9));
    }

    private static double kw(Allocation a, String resource, int t) {
        return a.resources().stream()
                .filter(r -> r.resource().equals(resource))
                .mapToDouble(r -> r.kw().get(t))
                .sum();
    }
}
