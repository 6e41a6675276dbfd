package io.gridshift.agent.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobPlanTest {
    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Instant END = NOW.plusSeconds(3600);

    @Test
    void pausesTheJobsWithTheMostSlackAndHoldsTheFlexibleQueue() {
        List<FlexJob> jobs =
                List.of(
                        job("1", "RUNNING", "gridshift:kw=2;deadline=2026-11-26T18:00Z"),
                        job("2", "RUNNING", "gridshift:kw=2"),
                        job("3", "RUNNING", "gridshift:kw=2;deadline=2026-11-26T15:00Z"),
                        job("4", "RUNNING", ""),
                        job("5", "PENDING", "gridshift:kw=1"),
                        job("6", "PENDING", "gridshift:kw=1;deadline=2026-11-26T12:30Z"),
                        job("7", "PENDING", ""));

        JobPlan plan = JobPlan.plan(jobs, END, 3.0);

        // no deadline first, then the latest; whole jobs, so 4 kW for 3 asked
        assertThat(plan.pause()).extracting(FlexJob::id).containsExactly("2", "1");
        // the one whose deadline falls inside the order is not held, nor is work that is not
        // flexible
        assertThat(plan.hold()).extracting(FlexJob::id).containsExactly("5");
    }

    @Test
    void refusesWhatWouldBreakADeadlineNamingTheJob() {
        List<FlexJob> jobs =
                List.of(
                        job("1", "RUNNING", "gridshift:kw=2"),
                        job("2", "RUNNING", "gridshift:kw=2;deadline=2026-11-26T12:30Z"));

        assertThat(JobPlan.check(jobs, "d-1", END, 2.0)).isEmpty();
        assertThat(JobPlan.check(jobs, "d-1", END, 4.0))
                .hasValueSatisfying(
                        why ->
                                assertThat(why)
                                        .contains("job 2 (partition batch)")
                                        .contains("would break its deadline 2026-11-26T12:30:00Z")
                                        .contains("only 2.0 kW"));
    }

    @Test
    void requeueOnlyWhereSlurmAllowsItAndNeverJobsThatSayNone() {
        FlexJob requeueable = job("1", "RUNNING", "gridshift:kw=1;pause=requeue");
        FlexJob notRequeueable =
                FlexJob.of(
                        new SlurmJob(
                                "2",
                                "batch",
                                "RUNNING",
                                "None",
                                1,
                                1,
                                "n1",
                                false,
                                "gridshift:kw=1;pause=requeue",
                                "",
                                null,
                                null),
                        0.01);
        FlexJob never = job("3", "RUNNING", "gridshift:kw=1;pause=none");

        assertThat(requeueable.pauseAction()).isEqualTo(Action.REQUEUE);
        assertThat(notRequeueable.pausable(END)).isFalse();
        assertThat(never.pausable(END)).isFalse();
        assertThat(JobPlan.check(List.of(requeueable, notRequeueable, never), "d-1", END, 2.0))
                .hasValueSatisfying(why -> assertThat(why).contains("only 1.0 kW"));
    }

    @Test
    void jobsHeldOrMarkedAlreadyAreNotTakenAgainButTheOrdersOwnCountForItsRevision() {
        FlexJob humanHeld =
                FlexJob.of(
                        new SlurmJob(
                                "1",
                                "batch",
                                "PENDING",
                                "JobHeldUser",
                                0,
                                1,
                                "",
                                true,
                                "gridshift:kw=1",
                                "",
                                null,
                                null),
                        0.01);
        FlexJob ours =
                FlexJob.of(
                        new SlurmJob(
                                "2",
                                "batch",
                                "SUSPENDED",
                                "None",
                                0,
                                1,
                                "n1",
                                true,
                                "gridshift:kw=2",
                                "[gridshift-held:order=d-1;did=suspend;until=" + END + "]",
                                null,
                                null),
                        0.01);

        assertThat(JobPlan.plan(List.of(humanHeld, ours), END, 1).hold()).isEmpty();
        assertThat(JobPlan.check(List.of(humanHeld, ours), "d-1", END, 2.0)).isEmpty();
        assertThat(JobPlan.check(List.of(humanHeld, ours), "d-2", END, 2.0)).isPresent();
    }

    @Test
    void powerComesFromTheCommentElseFromTheCpus() {
        FlexJob stated = job("1", "RUNNING", "gridshift:kw=2.5");
        FlexJob estimated =
                FlexJob.of(
                        new SlurmJob(
                                "2",
                                "batch",
                                "RUNNING",
                                "None",
                                1,
                                64,
                                "n1",
                                true,
                                "gridshift:",
                                "",
                                null,
                                null),
                        0.01);

        assertThat(stated.powerKw()).isEqualTo(2.5);
        assertThat(estimated.powerKw()).isEqualTo(0.64);
    }

    @Test
    void slurmsOwnDeadlineLessTheTimeLimitBoundsTheHold() {
        // must finish by 14:00 and may run 90 minutes: must start by 12:30
        FlexJob j =
                FlexJob.of(
                        new SlurmJob(
                                "1",
                                "batch",
                                "PENDING",
                                "Priority",
                                1,
                                1,
                                "",
                                true,
                                "gridshift:kw=1",
                                "",
                                Instant.parse("2026-11-26T14:00:00Z"),
                                90L),
                        0.01);

        assertThat(j.deadline()).isEqualTo(Instant.parse("2026-11-26T12:30:00Z"));
        assertThat(j.deferrable(END)).isFalse();
        assertThat(j.deferrable(NOW.plusSeconds(600))).isTrue();
    }

    private static FlexJob job(String id, String state, String comment) {
        return FlexJob.of(
                new SlurmJob(
                        id,
                        "batch",
                        state,
                        "None",
                        1,
                        1,
                        state.equals("RUNNING") ? "n1" : "",
                        true,
                        comment,
                        "",
                        null,
                        null),
                0.01);
    }
}
