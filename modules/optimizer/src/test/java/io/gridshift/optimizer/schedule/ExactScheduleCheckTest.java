package io.gridshift.optimizer.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The scheduler's objective and stated gap against CP-SAT's exact optimum ({@link ExactModel}) on
 * small seeded fleets on the real 2022 carbon data: {@code lagrange bound ≤ optimum ≤ heuristic},
 * each within the scaling error, and the exact plan keeps every limit the scheduler's own tests
 * check.
 */
@SuppressWarnings("checkstyle:noPrint")
class ExactScheduleCheckTest {
    /** CP-SAT's limit per instance; an instance it does not close is judged by its bound. */
    private static final double SECONDS = 3;

    private final DayAheadScheduler scheduler = new DayAheadScheduler();

    /** A mix of policies, seasons, windows and a zone headroom row; 15 to 30 jobs. */
    static final List<ExactSpec> SPECS =
            List.of(
                    new ExactSpec(
                            "temporal-3x16", "2022-01-12", Policy.TEMPORAL, 3, 16, 20, 1, 24, 0, 1),
                    new ExactSpec(
                            "spatial-4x12", "2022-04-20", Policy.SPATIAL, 4, 12, 20, 1, 24, 0, 2),
                    new ExactSpec("both-4x16", "2022-07-07", Policy.BOTH, 4, 16, 25, 1, 24, 0, 3),
                    new ExactSpec(
                            "both-3x12-window3h", "2022-10-25", Policy.BOTH, 3, 12, 15, 1, 3, 0, 4),
                    new ExactSpec(
                            "both-5x16-headroom",
                            "2022-01-12",
                            Policy.BOTH,
                            5,
                            16,
                            30,
                            0.9,
                            24,
                            250,
                            5));

    @Test
    void heuristicIsBetweenTheBoundAndTheExactOptimum() {
        List<ExactGap> rows =
                SPECS.stream()
                        .map(s -> ExactGap.measure(s.name(), s.request(), scheduler, SECONDS, 2))
                        .toList();
        System.out.println(ExactGap.header());
        rows.forEach(g -> System.out.println(g.line()));
        rows.forEach(ExactScheduleCheckTest::check);
    }

    private static void check(ExactGap g) {
        ExactResult e = g.exact();
        SolverSummary h = g.heuristic().summary();
        String as = g.name();
        assertThat(e.status()).as(as).isIn("OPTIMAL", "FEASIBLE");
        // the two read the request alike: the same jobs have no window at all
        assertThat(idsOf(g.heuristic().unplaced())).as(as).isEqualTo(idsOf(e.plan().unplaced()));
        double tol = 1e-6 * Math.abs(h.objective()) + e.scalingError();
        // the objective the scheduler states is the one its plan has
        double[][] cost = ExactModel.slotCosts(g.request());
        assertThat(ExactPlan.objective(g.request(), cost, g.heuristic()))
                .as(as)
                .isCloseTo(h.objective(), org.assertj.core.api.Assertions.within(tol));
        assertThat(h.lowerBound())
                .as(as + ": lagrange ≤ optimum")
                .isLessThanOrEqualTo(e.objective() + tol);
        assertThat(e.lowerBound())
                .as(as + ": optimum ≤ heuristic")
                .isLessThanOrEqualTo(h.objective() + tol);
        if (e.optimal()) {
            assertThat(e.objective()).as(as).isLessThanOrEqualTo(h.objective() + tol);
            assertThat(h.lowerBound()).as(as).isLessThanOrEqualTo(e.lowerBound() + 2 * tol);
            assertThat(h.gap())
                    .as(as + ": stated gap ≥ true gap")
                    .isGreaterThanOrEqualTo(g.trueGapLow() - 1e-6);
        }
        DayAheadSchedulerTest.checkLimits(g.request(), e.plan());
        checkTimes(g.request(), e.plan());
    }

    private static Set<String> idsOf(List<Unplaced> u) {
        return u.stream().map(Unplaced::jobId).collect(Collectors.toSet());
    }

    /**
     * Every job runs its length within arrival and deadline; a non-interruptible one in one run.
     */
    static void checkTimes(ScheduleRequest r, Schedule s) {
        Map<String, ScheduleJob> jobs = new HashMap<>();
        r.jobs().forEach(j -> jobs.put(j.id(), j));
        for (JobAssignment a : s.assignments()) {
            ScheduleJob job = jobs.get(a.jobId());
            assertThat(a.start()).as(a.jobId()).isAfterOrEqualTo(job.arrival());
            assertThat(a.end()).as(a.jobId()).isBeforeOrEqualTo(job.deadline());
            Duration ran =
                    a.runs().stream()
                            .map(run -> Duration.between(run.start(), run.end()))
                            .reduce(Duration.ZERO, Duration::plus);
            assertThat(ran).as(a.jobId()).isEqualTo(job.duration());
            if (!job.interruptible()) {
                assertThat(a.runs()).as(a.jobId()).hasSize(1);
            }
            if (r.options().policy() == Policy.TEMPORAL) {
                assertThat(a.site()).as(a.jobId()).isEqualTo(job.origin());
            }
        }
    }
}
