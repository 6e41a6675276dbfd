package io.gridshift.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridshift.domain.flex.MigratableJob;
import io.gridshift.domain.flex.MigratableJobs;
import io.gridshift.domain.flex.OnsiteGeneration;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventPlannerTest {
    @Test
    void jobMovesToTheGreenZoneOnlyWhereItIsCheaperThanTheGenset() {
        // GIVEN a HOT site with a genset at 0.40/kWh and a 50 kW job with no data to move;
        // a GREEN site that can host it; 100 kW asked for an hour
        MigratableJobs jobs =
                new MigratableJobs(
                        "mig",
                        List.of(
                                new MigratableJob(
                                        "j",
                                        50,
                                        50,
                                        Sites.NOW.plus(Duration.ofHours(4)),
                                        0,
                                        Set.of())),
                        Duration.ZERO);
        FleetSite hot =
                Sites.site(
                        "dc-h",
                        "HOT",
                        1_000,
                        0,
                        jobs,
                        new OnsiteGeneration("g", 300, null, Duration.ZERO, 0.40, 0));
        FleetSite green = Sites.site("dc-g", "GREEN", 1_000, 100);
        AllocationRequest r =
                new AllocationRequest(
                        List.of(hot, green),
                        Sites.quarterHours(4),
                        List.of(Sites.target("HOT", 100.0, 100.0, 100.0, 100.0)),
                        0,
                        0);
        List<ZoneMarket> markets =
                List.of(
                        new ZoneMarket(GridZone.of("HOT"), 0.30, 0),
                        new ZoneMarket(GridZone.of("GREEN"), 0.10, 0));
        EventPlan plan =
                new EventPlanner(new Allocator(), new MigrationPlanner())
                        .plan(
                                r,
                                markets,
                                new MigrationOptions(10, 0.5, 0, 10),
                                SolverOptions.defaults());
        // THEN the job moves (50 x 1 h x (0.10 - 0.30) = -10) and the genset covers 50 kW for
        // an hour (50 x 0.40 = 20): 10 in all, against 40 with the genset alone
        assertThat(plan.migration().moves())
                .extracting(Move::to)
                .containsExactly(SiteId.of("dc-g"));
        assertThat(plan.allocation().siteKw(SiteId.of("dc-h"), 0)).isCloseTo(50, within(1e-6));
        assertThat(plan.cost()).isCloseTo(10, within(1e-6));
    }
}
