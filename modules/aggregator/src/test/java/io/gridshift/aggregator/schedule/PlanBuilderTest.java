package io.gridshift.aggregator.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridshift.domain.schedule.PlanAction;
import io.gridshift.domain.schedule.PlanId;
import io.gridshift.domain.schedule.PlannedJob;
import io.gridshift.domain.schedule.SitePlan;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import io.gridshift.optimizer.schedule.JobAssignment;
import io.gridshift.optimizer.schedule.Network;
import io.gridshift.optimizer.schedule.Policy;
import io.gridshift.optimizer.schedule.Run;
import io.gridshift.optimizer.schedule.Schedule;
import io.gridshift.optimizer.schedule.ScheduleJob;
import io.gridshift.optimizer.schedule.ScheduleOptions;
import io.gridshift.optimizer.schedule.ScheduleRequest;
import io.gridshift.optimizer.schedule.ScheduleSite;
import io.gridshift.optimizer.schedule.SlotGrid;
import io.gridshift.optimizer.schedule.SolverSummary;
import io.gridshift.optimizer.schedule.Unplaced;
import io.gridshift.optimizer.signals.ZoneSignal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The scheduler's plan as one plan message per site. */
class PlanBuilderTest {
    static final Instant T0 = Instant.parse("2026-07-01T00:00:00Z");
    static final SiteId A = SiteId.of("dc-a");
    static final SiteId B = SiteId.of("dc-b");
    static final SiteId C = SiteId.of("dc-c");
    static final GridZone DE = GridZone.of("DE");
    static final GridZone FR = GridZone.of("FR");

    @Test
    void aJobAtHomeIsARunAndAMovedJobIsAMoveOutAtItsOriginAndAMoveInWhereItRuns() {
        SlotGrid grid = SlotGrid.quarterHours(T0, 4);
        ScheduleRequest request =
                new ScheduleRequest(
                        grid,
                        List.of(site(A, DE), site(B, FR), site(C, FR)),
                        List.of(job("home", A), job("away", A), job("left", C)),
                        Map.of(DE, flat(DE), FR, flat(FR)),
                        Map.of(),
                        Network.simple(10),
                        ScheduleOptions.of(Policy.BOTH));
        Schedule schedule =
                new Schedule(
                        1,
                        grid.start(),
                        grid.end(),
                        Policy.BOTH,
                        List.of(
                                new JobAssignment(
                                        "home",
                                        A,
                                        DE,
                                        List.of(
                                                new Run(grid.at(2), grid.at(4)),
                                                new Run(grid.at(8), grid.at(9))),
                                        100,
                                        false),
                                new JobAssignment(
                                        "away",
                                        B,
                                        FR,
                                        List.of(new Run(grid.at(5), grid.at(7))),
                                        200,
                                        true)),
                        List.of(new Unplaced("left", "no_capacity")),
                        new SolverSummary("test", 1, 1, 0, 1, false, 2));

        Map<SiteId, SitePlan> plans = PlanBuilder.build(request, schedule, PlanId.of("p-t"), 7, T0);

        assertThat(plans).containsOnlyKeys(A, B, C);
        assertThat(plans.get(A).jobs())
                .containsExactly(
                        new PlannedJob(
                                "home",
                                PlanAction.RUN,
                                null,
                                List.of(2, 3, 8),
                                100,
                                T0.plusSeconds(86_400)),
                        new PlannedJob(
                                "away",
                                PlanAction.MOVE_OUT,
                                B,
                                List.of(5, 6),
                                200,
                                T0.plusSeconds(86_400)));
        assertThat(plans.get(B).jobs())
                .containsExactly(
                        new PlannedJob(
                                "away",
                                PlanAction.MOVE_IN,
                                A,
                                List.of(5, 6),
                                200,
                                T0.plusSeconds(86_400)));
        assertThat(plans.get(C).jobs())
                .as("unplaced: runs at arrival, an empty plan replaces older ones")
                .isEmpty();
        assertThat(plans.get(C).version()).isEqualTo(7);
        assertThat(plans.get(A).validFrom()).isEqualTo(T0);
        assertThat(plans.get(A).validUntil()).isEqualTo(T0.plus(Duration.ofHours(4)));
        assertThat(plans.get(A).slot()).isEqualTo(Duration.ofMinutes(15));
    }

    static ScheduleSite site(SiteId id, GridZone zone) {
        return new ScheduleSite(id, zone, 1000, 2000, 500);
    }

    static ScheduleJob job(String id, SiteId origin) {
        return new ScheduleJob(
                id,
                origin,
                "batch",
                T0,
                T0.plusSeconds(86_400),
                Duration.ofMinutes(30),
                100,
                true,
                1,
                Set.of(),
                ScheduleJob.ANY_LATENCY);
    }

    static ZoneSignal flat(GridZone zone) {
        double[] price = new double[10];
        double[] carbon = new double[10];
        Arrays.fill(price, 50);
        Arrays.fill(carbon, 300);
        return new ZoneSignal(zone, T0, Duration.ofHours(1), price, carbon);
    }
}
