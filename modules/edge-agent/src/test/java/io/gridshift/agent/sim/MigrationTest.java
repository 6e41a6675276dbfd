package io.gridshift.agent.sim;

import static io.gridshift.agent.sim.SimFixtures.T0;
import static io.gridshift.agent.sim.SimFixtures.migrateIn;
import static io.gridshift.agent.sim.SimFixtures.migrateOut;
import static io.gridshift.agent.sim.SimFixtures.order;
import static io.gridshift.agent.sim.SimulatedResources.MIG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridshift.domain.dispatch.DispatchAction;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.flex.MigratableJob;
import io.gridshift.domain.flex.MigratableJobs;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MigrationTest {
    private static final Instant NOW = T0.plus(Duration.ofHours(10));
    private static final Duration VALID = Duration.ofMinutes(5);

    private static MigratableJobs offered(SimulatedDataCenter dc, Instant t) {
        return (MigratableJobs) dc.envelope(t, VALID).resource(MIG).orElseThrow();
    }

    @Test
    void migrateOutRemovesTheJobsLoadUntilRevert() {
        // GIVEN a migratable training job
        SimulatedDataCenter dc = SimFixtures.site(51);
        MigratableJob job = offered(dc, NOW).jobs().get(0);
        DispatchOrder out =
                order("d-out", NOW, Duration.ofHours(2), migrateOut(job.id(), job.kw()));
        // WHEN it is migrated out
        dc.apply(out, NOW);
        // THEN it keeps running while it checkpoints (5 min)
        Instant checkpointing = NOW.plus(Duration.ofMinutes(4));
        assertThat(dc.state(checkpointing).itKw()).isEqualTo(dc.baseline(checkpointing).itKw());
        // AND afterwards its IT power has left the site, and the saving shows at the meter
        Instant gone = NOW.plus(Duration.ofMinutes(6));
        SimulatedSiteState site = dc.state(gone);
        SimulatedSiteState base = dc.baseline(gone);
        assertThat(base.itKw() - site.itKw()).isCloseTo(job.kw(), within(1e-6));
        assertThat(dc.achievedKw(out, gone))
                .isCloseTo(job.kw() * base.pue(), within(job.kw() * 0.05));
        // AND it is recorded and no longer offered
        assertThat(dc.migrations())
                .singleElement()
                .satisfies(
                        r -> {
                            assertThat(r.job()).isEqualTo(job.id());
                            assertThat(r.kind()).isEqualTo(DispatchAction.Kind.MIGRATE_OUT);
                            assertThat(r.peer()).isEqualTo(SimFixtures.OTHER);
                            assertThat(r.at()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
                        });
        assertThat(offered(dc, gone).job(job.id())).isEmpty();
        // WHEN the order is reverted THEN the job is back, its load with it
        dc.revert(out, out.end());
        Instant back = out.end().plusSeconds(10);
        assertThat(dc.state(back).itKw()).isCloseTo(dc.baseline(back).itKw(), within(1e-6));
        assertThat(offered(dc, back).job(job.id())).isPresent();
    }

    @Test
    void migrateInAddsTheJobWithinHostingCapacity() {
        // GIVEN a site with 500 kW kept for hosting
        SimulatedDataCenter dc = SimFixtures.site(52);
        assertThat(dc.envelope(NOW, VALID).hostingCapacityKw()).isEqualTo(500.0);
        // WHEN a 320 kW job migrates in
        DispatchOrder in = order("d-in", NOW, Duration.ofHours(3), migrateIn("train-42", 320));
        dc.apply(in, NOW);
        // THEN its capacity is reserved at once and its load arrives after the restore ramp
        assertThat(dc.envelope(NOW, VALID).hostingCapacityKw()).isEqualTo(180.0);
        Instant running = NOW.plus(Duration.ofMinutes(6));
        SimulatedSiteState site = dc.state(running);
        assertThat(site.hostedKw()).isEqualTo(320.0);
        assertThat(site.itKw() - dc.baseline(running).itKw()).isCloseTo(320, within(1e-6));
        assertThat(dc.achievedKw(in, running)).isLessThan(-320);
        // AND a second job that does not fit is refused, one that fits is taken
        assertThat(
                        dc.check(
                                order("d-in2", running, Duration.ofHours(1), migrateIn("j-2", 200)),
                                running))
                .isPresent();
        assertThat(
                        dc.check(
                                order("d-in3", running, Duration.ofHours(1), migrateIn("j-3", 180)),
                                running))
                .isEmpty();
        // WHEN the order ends THEN the job leaves and the capacity is free again
        dc.revert(in, in.end());
        assertThat(dc.state(in.end().plusSeconds(10)).hostedKw()).isZero();
        assertThat(dc.envelope(in.end().plusSeconds(10), VALID).hostingCapacityKw())
                .isEqualTo(500.0);
    }
}
