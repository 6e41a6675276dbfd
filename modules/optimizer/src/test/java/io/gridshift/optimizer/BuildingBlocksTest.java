package io.gridshift.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridshift.domain.flex.LossCurve;
import io.gridshift.domain.flex.OnsiteGeneration;
import io.gridshift.domain.site.SiteId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildingBlocksTest {
    @Test
    void readinessCountsOnlyThePartOfAnIntervalAfterTheRamp() {
        // GIVEN orders sent at the event's start, 15-minute intervals
        Horizon h = Horizon.uniform(Sites.START, Sites.START, 3, Duration.ofMinutes(15));
        // THEN a 5-minute ramp leaves 10 of the first 15 minutes; a 20-minute ramp 10 of the
        // second; a 1-hour ramp nothing
        assertThat(h.readiness(Duration.ofMinutes(5))[0]).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(h.readiness(Duration.ofMinutes(20))).containsExactly(0, 2.0 / 3, 1);
        assertThat(h.readiness(Duration.ofHours(1))).containsExactly(0, 0, 0);
    }

    @Test
    void nonConvexLossCurveIsPricedOnItsLowerHull() {
        // GIVEN (0,0) (50,0.5) (100,0.6): the middle point lies above the chord (0,0)-(100,0.6)
        LossCurve curve =
                new LossCurve(
                        List.of(
                                new LossCurve.Point(0, 0),
                                new LossCurve.Point(50, 0.5),
                                new LossCurve.Point(100, 0.6)));
        CostCurve c = CostCurve.ofLoss(curve, 100, 2);
        // THEN one segment: 0.006 loss per kW x 100 kW of work x 2/kWh = 1.2 per kWh
        assertThat(c.widthKw()).containsExactly(100);
        assertThat(c.costPerKwh()[0]).isCloseTo(1.2, within(1e-12));
        // AND a cap below the curve's end cuts the segment
        assertThat(CostCurve.ofLoss(curve, 30, 2).widthKw()).containsExactly(30);
    }

    @Test
    void proportionalSplitCutsEverySiteTheSameShare() {
        // GIVEN two gensets of 100 kW at 0.1 and 0.5, 100 kW asked for an hour
        List<FleetSite> sites =
                List.of(
                        Sites.site(
                                "dc-a",
                                "DE",
                                1_000,
                                new OnsiteGeneration("g", 100, null, Duration.ZERO, 0.1, 0)),
                        Sites.site(
                                "dc-b",
                                "DE",
                                1_000,
                                new OnsiteGeneration("g", 100, null, Duration.ZERO, 0.5, 0)));
        AllocationRequest r =
                new AllocationRequest(
                        sites,
                        Horizon.uniform(Sites.NOW, Sites.START, 1, Duration.ofHours(1)),
                        List.of(Sites.target("DE", 100.0)),
                        0,
                        0);
        Allocation prop = new ProportionalSplit().allocate(r);
        Allocation best = new Allocator().allocate(r, SolverOptions.defaults());
        // THEN 50 kW each: 5 + 25 = 30, against 100 x 0.1 = 10 at least cost
        assertThat(prop.siteKw(SiteId.of("dc-a"), 0)).isCloseTo(50, within(1e-9));
        assertThat(prop.cost()).isCloseTo(30, within(1e-9));
        assertThat(best.cost()).isCloseTo(10, within(1e-9));
        assertThat(best.bySite()).containsOnlyKeys(SiteId.of("dc-a"));
        assertThat(best.bySite().get(SiteId.of("dc-a")).get(0).action(0)).isPresent();
    }
}
