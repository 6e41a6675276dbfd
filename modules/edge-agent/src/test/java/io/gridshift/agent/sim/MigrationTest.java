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
import io.gridshift.domain.flex.FlexResource;
import io.gridshift.domain.flex.MigratableJob;
import io.gridshift.domain.flex.MigratableJobs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    @Test
    void aJobMovedOutOfOneSimulatedSiteIsTakenInByAnotherOfTheSameMake() {
        // GIVEN two sites built alike (same seed, so the same blocks and generations of jobs)
        SimulatedDataCenter from =
                SimFixtures.site(
                        SimulatedSiteOptions.typical(SimFixtures.OTHER, SimFixtures.ZONE, 53));
        SimulatedDataCenter to = SimFixtures.site(53);
        MigratableJob job = offered(from, NOW).jobs().get(0);
        // THEN their job ids differ: each starts with its site's id
        assertThat(job.id()).startsWith(SimFixtures.OTHER.value() + "-t");
        assertThat(offered(to, NOW).jobs())
                .extracting(MigratableJob::id)
                .allMatch(id -> id.startsWith(SimFixtures.SITE.value() + "-t"))
                .doesNotContain(job.id());
        // AND the receiving site takes the moving job in (it used to refuse: "a job with that id is
        // already here", its own job of the same block and generation)
        DispatchOrder in = order("d-in", NOW, Duration.ofHours(2), migrateIn(job.id(), job.kw()));
        assertThat(to.check(in, NOW)).isEmpty();
    }

    @Test
    void aRevisionKeepsTheChillersOffAfterTheJobsTheyCooledHaveLeft() {
        // GIVEN a site coasting its chillers fully off and moving its jobs out, in one order
        SimulatedDataCenter dc = SimFixtures.site(54);
        FlexResource chw = dc.envelope(NOW, VALID).resource(SimulatedResources.CHW).orElseThrow();
        double chwKw = chw.maxReductionKw();
        List<DispatchAction> actions = new ArrayList<>();
        actions.add(SimFixtures.reduce(SimulatedResources.CHW, chwKw));
        offered(dc, NOW).jobs().forEach(j -> actions.add(migrateOut(j.id(), j.kw())));
        DispatchOrder first =
                order("d-1", NOW, Duration.ofMinutes(40), actions.toArray(DispatchAction[]::new));
        assertThat(dc.check(first, NOW)).isEmpty();
        dc.apply(first, NOW);
        // WHEN the jobs have left (their cooling with them) and the next revision repeats the order
        Instant later = NOW.plus(Duration.ofMinutes(10));
        DispatchOrder second =
                SimFixtures.revision(
                        "d-1",
                        2,
                        NOW,
                        Duration.ofMinutes(40),
                        actions.toArray(DispatchAction[]::new));
        // THEN it is taken: the coast in force is not refused for chillers that now run less
        assertThat(dc.check(second, later)).isEmpty();
        // BUT a deeper coast than the one in force is checked against what runs now
        List<DispatchAction> deeper = new ArrayList<>(actions);
        deeper.set(0, SimFixtures.reduce(SimulatedResources.CHW, chwKw + 50));
        assertThat(
                        dc.check(
                                SimFixtures.revision(
                                        "d-1",
                                        2,
                                        NOW,
                                        Duration.ofMinutes(40),
                                        deeper.toArray(DispatchAction[]::new)),
                                later))
                .hasValueSatisfying(why -> assertThat(why).contains("'chw'"));
    }

    @Test
    void aReadBetweenTheRevertAndTheNextRevisionDoesNotUndoTheMovesItKeeps() {
        // GIVEN a job moved out under revision 1 (checkpoint done)
        SimulatedDataCenter dc = SimFixtures.site(55);
        MigratableJob job = offered(dc, NOW).jobs().get(0);
        DispatchAction move = migrateOut(job.id(), job.kw());
        dc.apply(order("d-1", NOW, Duration.ofHours(1), move), NOW);
        Instant t = NOW.plus(Duration.ofMinutes(10));
        dc.state(t);
        assertThat(dc.migrations()).hasSize(1);
        // WHEN the agent replaces it by revision 2, and the telemetry cycle and revision 3's check
        // read the site from other threads between the revert and the apply
        DispatchOrder second = SimFixtures.revision("d-1", 2, NOW, Duration.ofHours(1), move);
        dc.revert(order("d-1", NOW, Duration.ofHours(1), move), t);
        dc.envelope(t, VALID);
        assertThat(dc.check(SimFixtures.revision("d-1", 3, NOW, Duration.ofHours(1), move), t))
                .isEmpty();
        dc.apply(second, t);
        // THEN the job stays away: it is neither brought back nor moved (checkpointed) again
        Instant later = t.plus(Duration.ofMinutes(10));
        assertThat(dc.baseline(later).itKw() - dc.state(later).itKw())
                .isCloseTo(job.kw(), within(1e-6));
        assertThat(dc.migrations()).hasSize(1);
    }
}
