package io.gridshift.optimizer;

import static io.gridshift.optimizer.Sites.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.flex.MigratableJob;
import io.gridshift.domain.flex.MigratableJobs;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MigrationPlannerTest {
    // carbon at 0.1/kg: HOT 0.30 + 0.06 = 0.36, GREEN 0.10 + 0.005 = 0.105, DIRTY 0.12 + 0.08 =
    // 0.20
    private static final List<ZoneMarket> MARKETS =
            List.of(
                    new ZoneMarket(GridZone.of("HOT"), 0.30, 0.6),
                    new ZoneMarket(GridZone.of("GREEN"), 0.10, 0.05),
                    new ZoneMarket(GridZone.of("DIRTY"), 0.12, 0.8));
    private static final MigrationOptions OPTIONS = new MigrationOptions(1, 0.5, 0.1, 0.3);
    // four quarter hours from 30 minutes from now: one hour of event
    private static final Horizon HOUR = Sites.quarterHours(4);

    private static MigratableJob job(String id, double kw, double kwh, double gb, int deadlineH) {
        return new MigratableJob(id, kw, kwh, NOW.plus(Duration.ofHours(deadlineH)), gb, Set.of());
    }

    private static List<FleetSite> fleet(double greenHostingKw) {
        MigratableJobs jobs =
                new MigratableJobs(
                        "mig",
                        List.of(
                                // 450 GB at 1 Gbit/s: one hour of transfer
                                job("j1", 60, 120, 450, 4),
                                job("j2", 50, 50, 0, 4),
                                // needs 4 h of running but its deadline is in 3 h
                                job("j3", 40, 160, 0, 3)),
                        Duration.ofMinutes(2));
        return List.of(
                Sites.site("dc-h", "HOT", 2_000, 0, jobs),
                Sites.site("dc-g", "GREEN", 1_000, greenHostingKw),
                Sites.site("dc-d", "DIRTY", 1_000, 500));
    }

    private static List<ZoneTarget> target(double kw) {
        return List.of(Sites.target("HOT", kw, kw, kw, kw));
    }

    @Test
    void cheapestGreenHostTakesWhatFitsAndTheSavingIsCountedOnce() {
        // GIVEN GREEN can host 100 kW
        MigrationPlan plan =
                new MigrationPlanner().plan(fleet(100), HOUR, target(200), MARKETS, OPTIONS);
        // THEN j2 goes to GREEN: 50 kW x 1 h x (0.105 - 0.36) = -12.75 (-0.255/kWh), better than
        // DIRTY (-0.16/kWh). j1 would cost 60 x 1 h x 0.5 + 60 x 1 h x -0.255 = 14.7 (0.245/kWh)
        // at GREEN, which has only 50 kW left; at DIRTY 0.34/kWh, above the 0.3 ceiling.
        // j3 cannot meet its deadline anywhere.
        assertThat(plan.moves()).hasSize(1);
        Move m = plan.moves().get(0);
        assertThat(m.job()).isEqualTo("j2");
        assertThat(m.to()).isEqualTo(SiteId.of("dc-g"));
        assertThat(m.cost()).isCloseTo(-12.75, within(1e-9));
        assertThat(plan.addedLoadKw())
                .containsExactly(java.util.Map.entry(SiteId.of("dc-g"), 50.0));
        assertThat(plan.remainingTargets().get(0).reductionKw()).containsOnly(150.0);
        assertThat(m.out().reductionKw()).isEqualTo(50);
        assertThat(m.in().reductionKw()).isEqualTo(-50);
    }

    @Test
    void withRoomTheDearerJobFollows() {
        MigrationPlan plan =
                new MigrationPlanner().plan(fleet(120), HOUR, target(200), MARKETS, OPTIONS);
        assertThat(plan.moves()).extracting(Move::job).containsExactly("j2", "j1");
        assertThat(plan.moves()).allMatch(mv -> mv.toZone().equals(GridZone.of("GREEN")));
        assertThat(plan.moves().get(1).transfer()).isEqualTo(Duration.ofHours(1));
        assertThat(plan.cost()).isCloseTo(-12.75 + 14.7, within(1e-9));
        assertThat(plan.remainingTargets().get(0).reductionKw()).containsOnly(90.0);
    }

    @Test
    void migrationNeverShedsMoreThanTheSmallestTarget() {
        MigrationPlan plan =
                new MigrationPlanner().plan(fleet(500), HOUR, target(40), MARKETS, OPTIONS);
        assertThat(plan.moves()).isEmpty();
        assertThat(plan.remainingTargets().get(0).reductionKw()).containsOnly(40.0);
    }

    @Test
    void badOptionsNameTheField() {
        assertThatThrownBy(() -> new MigrationOptions(0, 0.5, 0.1, 0.3))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith("transferGbps:");
    }
}
