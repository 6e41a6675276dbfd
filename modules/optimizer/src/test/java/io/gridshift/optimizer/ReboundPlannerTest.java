package io.gridshift.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.flex.Battery;
import io.gridshift.domain.flex.DeferrableJobs;
import io.gridshift.domain.flex.OnsiteGeneration;
import io.gridshift.domain.site.SiteId;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReboundPlannerTest {
    private static final Duration QUARTER = Duration.ofMinutes(15);
    private final ReboundPlanner planner = new ReboundPlanner();

    @Test
    void energyComesBackInStepsWithinTenPercentOfBaseline() {
        // GIVEN a 1,000 kW fleet baseline: 100 kW of headroom per quarter hour at 1.1
        List<SiteReturn> owed =
                List.of(
                        new SiteReturn(SiteId.of("dc-a"), 10, 100),
                        new SiteReturn(SiteId.of("dc-b"), 30, 60));
        ReboundPlan plan = planner.plan(owed, Collections.nCopies(4, 1_000.0), QUARTER, 1.1);
        // THEN quarter 1: dc-a can take only 40 kW (10 kWh / 0.25 h), dc-b gets the other 60;
        // quarter 2: dc-b its last 15 kWh at 60 kW; nothing after
        assertThat(plan.siteKw().get(SiteId.of("dc-a"))).containsExactly(40.0, 0.0, 0.0, 0.0);
        assertThat(plan.siteKw().get(SiteId.of("dc-b"))).containsExactly(60.0, 60.0, 0.0, 0.0);
        assertThat(plan.fleetKw()).containsExactly(1_100.0, 1_060.0, 1_000.0, 1_000.0);
        assertThat(plan.peakRatio()).isCloseTo(1.1, within(1e-12));
        assertThat(plan.intervalsUsed()).isEqualTo(2);
        assertThat(plan.unreturnedKwh()).isZero();
    }

    @Test
    void whatDoesNotFitIsReportedNotForced() {
        // 100 kWh owed, two quarters of 100 kW headroom: 50 kWh return, 50 do not
        ReboundPlan plan =
                planner.plan(
                        List.of(new SiteReturn(SiteId.of("dc-a"), 100, 500)),
                        List.of(1_000.0, 1_000.0),
                        QUARTER,
                        1.1);
        assertThat(plan.fleetKw()).containsExactly(1_100.0, 1_100.0);
        assertThat(plan.unreturnedKwh()).isCloseTo(50, within(1e-9));
    }

    @Test
    void returnsOfAnAllocationCountDeferredBatteryNotGenset() {
        // GIVEN an hour with batch 100 kW (rebound 1.2), UPS 40 kW and genset 60 kW allocated
        FleetSite s =
                Sites.site(
                        "dc-a",
                        "DE",
                        1_000,
                        new DeferrableJobs(
                                "batch", 100, Duration.ofHours(4), Duration.ZERO, 0.1, 1.2),
                        new Battery("ups", 40, 100, 100, 20, Duration.ZERO, 0.05),
                        new OnsiteGeneration("g", 300, null, Duration.ZERO, 0.3, 0));
        AllocationRequest r =
                new AllocationRequest(
                        List.of(s),
                        Horizon.uniform(Sites.NOW, Sites.START, 1, Duration.ofHours(1)),
                        List.of(Sites.target("DE", 200.0)),
                        0,
                        0);
        Allocation a = new Allocator().allocate(r, SolverOptions.defaults());
        // THEN owed: 100 x 1.2 + 40 = 160 kWh, at most 140 kW (batch + UPS)
        assertThat(ReboundPlanner.returnsOf(r, a))
                .containsExactly(new SiteReturn(SiteId.of("dc-a"), 160, 140));
    }

    @Test
    void badInputNamesTheField() {
        assertThatThrownBy(() -> planner.plan(List.of(), List.of(1.0), QUARTER, 2.5))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith("peakFactor:");
        assertThatThrownBy(() -> planner.plan(List.of(), List.of(-1.0), QUARTER, 1.1))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith("baselineKw[0]:");
    }
}
