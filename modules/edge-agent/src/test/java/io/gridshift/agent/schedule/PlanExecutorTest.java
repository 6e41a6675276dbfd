package io.gridshift.agent.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridshift.domain.schedule.FlexibleJob;
import io.gridshift.domain.schedule.PlanAck;
import io.gridshift.domain.schedule.PlanAckStatus;
import io.gridshift.domain.schedule.PlanAction;
import io.gridshift.domain.schedule.PlanId;
import io.gridshift.domain.schedule.PlannedJob;
import io.gridshift.domain.schedule.SiteJobs;
import io.gridshift.domain.schedule.SitePlan;
import io.gridshift.domain.site.SiteId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan executor on a book of jobs, with the agent's "now" handed in: no clock, no network. */
class PlanExecutorTest {
    static final SiteId SITE = SiteId.of("dc-sh-01");
    static final SiteId PEER = SiteId.of("dc-gs-02");
    static final Instant T0 = Instant.parse("2026-07-01T00:00:00Z");
    static final Duration SLOT = Duration.ofMinutes(15);

    @TempDir Path dir;

    PlanExecutor executor() {
        return new PlanExecutor(SITE, new PlanJournal(dir.resolve("plan.journal")));
    }

    /** A job arriving at T0 + {@code arrivalSlot} slots, running {@code slots} slots, 100 kW. */
    static FlexibleJob job(String id, int arrivalSlot, int slots, int deadlineSlot, boolean split) {
        return new FlexibleJob(
                id,
                "batch",
                T0.plus(SLOT.multipliedBy(arrivalSlot)),
                T0.plus(SLOT.multipliedBy(deadlineSlot)),
                SLOT.multipliedBy(slots),
                100,
                split,
                10,
                Set.of());
    }

    static SitePlan plan(int version, PlannedJob... jobs) {
        return new SitePlan(
                PlanId.of("p-1"),
                version,
                SITE,
                T0,
                T0,
                T0.plus(Duration.ofHours(24)),
                SLOT,
                List.of(jobs));
    }

    static PlannedJob run(String job, int from, int count) {
        return new PlannedJob(
                job, PlanAction.RUN, null, slots(from, count), 100, T0.plus(Duration.ofDays(1)));
    }

    static List<Integer> slots(int from, int count) {
        return IntStream.range(from, from + count).boxed().toList();
    }

    static Instant at(int slot) {
        return T0.plus(SLOT.multipliedBy(slot));
    }

    static JobState state(PlanExecutor e, String id) {
        return e.jobs().stream()
                .filter(j -> j.job().id().equals(id))
                .findFirst()
                .orElseThrow()
                .state();
    }

    @Test
    void withoutAPlanAJobRunsAtArrivalAndFinishesAfterItsDuration() {
        PlanExecutor e = executor();
        e.submit(List.of(job("a", 2, 4, 40, false)));

        e.tick(at(1));
        assertThat(state(e, "a")).isEqualTo(JobState.QUEUED);
        e.tick(at(2));
        assertThat(state(e, "a")).isEqualTo(JobState.RUNNING);
        assertThat(e.runningKw()).isEqualTo(100);
        e.tick(at(6));
        assertThat(state(e, "a")).isEqualTo(JobState.DONE);
        assertThat(e.runningKw()).isZero();
    }

    @Test
    void aPlannedJobStartsAtItsSlotNotAtArrivalAndRunsOnlyInItsSlots() {
        PlanExecutor e = executor();
        e.submit(List.of(job("a", 0, 2, 40, true)));

        PlanAck ack =
                e.onPlan(
                        plan(
                                1,
                                new PlannedJob(
                                        "a", PlanAction.RUN, null, List.of(10, 20), 100, at(40))),
                        at(0));

        assertThat(ack.status()).isEqualTo(PlanAckStatus.ACCEPTED);
        e.tick(at(5));
        assertThat(state(e, "a")).isEqualTo(JobState.QUEUED);
        e.tick(at(10));
        assertThat(state(e, "a")).isEqualTo(JobState.RUNNING);
        e.tick(at(11));
        assertThat(state(e, "a")).as("between its pieces").isEqualTo(JobState.QUEUED);
        e.tick(at(20));
        assertThat(state(e, "a")).isEqualTo(JobState.RUNNING);
        e.tick(at(21));
        assertThat(state(e, "a")).isEqualTo(JobState.DONE);
        assertThat(e.jobs().get(0).firstStart()).isEqualTo(at(10));
    }

    @Test
    void aPartThatWouldMissTheDeadlineIsRejectedWithAReasonAndTheRestStands() {
        PlanExecutor e = executor();
        e.submit(List.of(job("late", 0, 4, 8, false), job("ok", 0, 2, 40, false)));

        PlanAck ack = e.onPlan(plan(1, run("late", 6, 4), run("ok", 12, 2)), at(0));

        assertThat(ack.status()).isEqualTo(PlanAckStatus.PARTIAL);
        assertThat(ack.rejected()).hasSize(1);
        assertThat(ack.rejected().get(0).job()).isEqualTo("late");
        assertThat(ack.rejected().get(0).reason())
                .startsWith("deadline: late would finish at " + at(10));
        e.tick(at(0));
        assertThat(state(e, "late")).as("runs at arrival instead").isEqualTo(JobState.RUNNING);
        assertThat(state(e, "ok")).isEqualTo(JobState.QUEUED);
        e.tick(at(12));
        assertThat(state(e, "ok")).isEqualTo(JobState.RUNNING);
    }

    @Test
    void splittingAJobThatCannotBeInterruptedIsRejected() {
        PlanExecutor e = executor();
        e.submit(List.of(job("a", 0, 2, 40, false)));

        PlanAck ack =
                e.onPlan(
                        plan(
                                1,
                                new PlannedJob(
                                        "a", PlanAction.RUN, null, List.of(3, 9), 100, at(40))),
                        at(0));

        assertThat(ack.rejected())
                .singleElement()
                .satisfies(r -> assertThat(r.reason()).startsWith("not_interruptible"));
    }

    @Test
    void tooFewSlotsAndUnknownJobsAreRejected() {
        PlanExecutor e = executor();
        e.submit(List.of(job("a", 0, 4, 40, true)));

        PlanAck ack = e.onPlan(plan(1, run("a", 3, 2), run("ghost", 3, 2)), at(0));

        assertThat(ack.rejected())
                .extracting(r -> r.reason().split(":")[0])
                .containsExactly("too_short", "unknown_job");
    }

    @Test
    void aJobMovedOutLeavesAtItsFirstSlotWithItsKwAndIsNoLongerReported() {
        PlanExecutor e = executor();
        e.submit(List.of(job("a", 0, 2, 40, false)));
        e.onPlan(
                plan(1, new PlannedJob("a", PlanAction.MOVE_OUT, PEER, slots(4, 2), 100, at(40))),
                at(0));

        e.tick(at(1));
        assertThat(state(e, "a")).as("held until it leaves").isEqualTo(JobState.QUEUED);
        assertThat(e.report(1, at(1)).jobs()).isEmpty();
        e.tick(at(4));
        assertThat(state(e, "a")).isEqualTo(JobState.MOVED_OUT);
        assertThat(e.runningKw()).isZero();
    }

    @Test
    void aJobMovedInJoinsTheBookAndRunsInItsSlots() {
        PlanExecutor e = executor();
        PlanAck ack =
                e.onPlan(
                        plan(
                                1,
                                new PlannedJob(
                                        "x", PlanAction.MOVE_IN, PEER, slots(4, 2), 250, at(40))),
                        at(0));

        assertThat(ack.status()).isEqualTo(PlanAckStatus.ACCEPTED);
        e.tick(at(4));
        assertThat(state(e, "x")).isEqualTo(JobState.RUNNING);
        assertThat(e.runningKw()).isEqualTo(250);
        assertThat(e.jobs().get(0).from()).isEqualTo(PEER);
        e.tick(at(6));
        assertThat(state(e, "x")).isEqualTo(JobState.DONE);
    }

    @Test
    void aNewerVersionReplacesTheOlderACopyIsAckedAgainAndAnOlderOneIsRefused() {
        PlanExecutor e = executor();
        e.submit(List.of(job("a", 0, 2, 40, false)));
        PlanAck first = e.onPlan(plan(1, run("a", 10, 2)), at(0));
        PlanAck second = e.onPlan(plan(2, run("a", 4, 2)), at(1));

        PlanAck copy = e.onPlan(plan(2, run("a", 4, 2)), at(2));
        PlanAck stale = e.onPlan(plan(1, run("a", 10, 2)), at(2));

        assertThat(first.status()).isEqualTo(PlanAckStatus.ACCEPTED);
        assertThat(copy).isEqualTo(second);
        assertThat(stale.status()).isEqualTo(PlanAckStatus.REJECTED);
        assertThat(stale.reason()).startsWith("stale_version");
        assertThat(e.stats().applied()).isEqualTo(2);
        assertThat(e.stats().copies()).isEqualTo(1);
        e.tick(at(4));
        assertThat(state(e, "a")).as("version 2's slot").isEqualTo(JobState.RUNNING);
    }

    @Test
    void anExpiredPlanOrOneForAnotherSiteIsRefusedWhole() {
        PlanExecutor e = executor();
        SitePlan p = plan(1);
        PlanAck expired = e.onPlan(p, p.validUntil());
        PlanAck foreign =
                e.onPlan(
                        new SitePlan(p.planId(), 2, PEER, T0, T0, p.validUntil(), SLOT, List.of()),
                        at(0));

        assertThat(expired.reason()).startsWith("expired");
        assertThat(foreign.reason()).startsWith("site_mismatch");
        assertThat(e.stats().refusals())
                .containsEntry("expired", 1L)
                .containsEntry("site_mismatch", 1L);
    }

    @Test
    void jobsThePlanDoesNotNameRunAtArrivalAndTheLoopStopsWakingWhenThePlanLapses() {
        PlanExecutor e = executor();
        e.submit(List.of(job("a", 0, 2, 200, false)));
        SitePlan shortPlan =
                new SitePlan(
                        PlanId.of("p-1"), 1, SITE, T0, T0, at(8), SLOT, List.of(run("a", 6, 2)));
        e.onPlan(shortPlan, at(0));
        e.submit(List.of(job("c", 3, 1, 200, false)));

        e.tick(at(3));

        assertThat(state(e, "a")).isEqualTo(JobState.QUEUED);
        assertThat(state(e, "c")).as("not in the plan: at arrival").isEqualTo(JobState.RUNNING);
        assertThat(e.nextBoundary(at(3))).contains(at(4));
        assertThat(e.nextBoundary(at(8))).isEmpty();
        e.tick(at(9));
        e.submit(List.of(job("d", 9, 1, 200, false)));
        e.tick(at(9));
        assertThat(state(e, "d")).isEqualTo(JobState.RUNNING);
    }

    @Test
    void aJobIsStartedWhenWaitingLongerWouldMissItsDeadline() {
        PlanExecutor e = executor();
        e.submit(List.of(job("a", 0, 4, 10, true)));
        // held by the plan until slot 8, which the checker refuses; a plan that gives it slot 6
        // and 7 and then 8 and 9 is fine, but here the plan (a copy of an older one) never comes
        e.onPlan(plan(1, run("a", 6, 4)), at(0));
        e.tick(at(5));
        assertThat(state(e, "a")).isEqualTo(JobState.QUEUED);
        e.tick(at(6));
        assertThat(state(e, "a")).isEqualTo(JobState.RUNNING);
        assertThat(e.stats().deadlineStarts()).isZero();

        PlanExecutor guard = executor();
        guard.submit(List.of(job("b", 0, 4, 10, true)));
        // no slot for b in force (an empty plan), and b arrived: the guard is run-at-arrival
        guard.onPlan(plan(2), at(0));
        guard.tick(at(0));
        assertThat(state(guard, "b")).isEqualTo(JobState.RUNNING);
    }

    @Test
    void theJobsReportCarriesWhatIsLeftOfEachOpenJob() {
        PlanExecutor e = executor();
        e.submit(List.of(job("a", 0, 4, 40, true), job("b", 8, 2, 40, false)));
        e.tick(at(0));
        e.tick(at(1));

        SiteJobs report = e.report(7, at(1));

        assertThat(report.seq()).isEqualTo(7);
        assertThat(report.jobs()).extracting(FlexibleJob::id).containsExactly("a", "b");
        assertThat(report.jobs().get(0).duration()).isEqualTo(SLOT.multipliedBy(3));
        assertThat(report.jobs().get(1).duration()).isEqualTo(SLOT.multipliedBy(2));
    }

    @Test
    void afterARestartTheJournaledPlanIsTakenUpAndItsCopyIsNotAppliedAgain() {
        PlanExecutor before = executor();
        before.submit(List.of(job("a", 0, 2, 40, false)));
        SitePlan p =
                plan(
                        3,
                        run("a", 10, 2),
                        new PlannedJob("x", PlanAction.MOVE_IN, PEER, slots(4, 2), 50, at(40)));
        PlanAck ack = before.onPlan(p, at(0));

        PlanExecutor after = executor();
        after.submit(List.of(job("a", 0, 2, 40, false)));
        after.recover(at(1));
        PlanAck again = after.onPlan(p, at(1));

        assertThat(again).isEqualTo(ack);
        assertThat(after.stats().applied()).isZero();
        assertThat(after.stats().copies()).isEqualTo(1);
        assertThat(after.jobs()).extracting(j -> j.job().id()).containsExactly("a", "x");
        after.tick(at(2));
        assertThat(state(after, "a")).as("still held for slot 10").isEqualTo(JobState.QUEUED);
    }

    @Test
    void aJobHandedToAnotherSiteLeavesEvenWhenALaterVersionNoLongerNamesIt() {
        PlanExecutor e = executor();
        e.submit(List.of(job("a", 0, 2, 40, false)));
        e.onPlan(
                plan(1, new PlannedJob("a", PlanAction.MOVE_OUT, PEER, slots(4, 2), 100, at(40))),
                at(0));

        // the receiving site now reports the job; the next version plans it there, not here
        e.onPlan(plan(2), at(1));
        e.tick(at(2));

        assertThat(state(e, "a")).as("never run at home as well").isEqualTo(JobState.QUEUED);
        assertThat(e.report(1, at(2)).jobs()).isEmpty();
        e.tick(at(4));
        assertThat(state(e, "a")).isEqualTo(JobState.MOVED_OUT);
    }
}
