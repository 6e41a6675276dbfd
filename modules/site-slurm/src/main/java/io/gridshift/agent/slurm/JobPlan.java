package io.gridshift.agent.slurm;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What an order does to the queue, as a pure function of what squeue shows, so that it can be
 * tested without a cluster: the running jobs to pause (enough kW, the most slack first) and the
 * pending flexible jobs to hold, so that the CPUs a suspension frees are not taken by flexible work
 * waiting in the queue.
 *
 * @param hold the pending jobs to hold
 * @param pause the running jobs to suspend or requeue
 */
record JobPlan(List<FlexJob> hold, List<FlexJob> pause) {
    static final double EPS_KW = 1e-6;

    /** The running jobs an order could pause until {@code until}. */
    static List<FlexJob> pausable(List<FlexJob> jobs, Instant until) {
        List<FlexJob> out = new ArrayList<>();
        for (FlexJob j : jobs) {
            if (j.pausable(until)) {
                out.add(j);
            }
        }
        return out;
    }

    static double kw(List<FlexJob> jobs) {
        double kw = 0;
        for (FlexJob j : jobs) {
            kw += j.powerKw();
        }
        return kw;
    }

    /** How long the pausable jobs can wait: the nearest deadline, at most {@code cap}. */
    static Duration maxHold(List<FlexJob> pausable, Instant now, Duration cap) {
        Duration max = cap;
        for (FlexJob j : pausable) {
            if (j.deadline() != null) {
                Duration slack = Duration.between(now, j.deadline());
                max = slack.compareTo(max) < 0 ? slack : max;
            }
        }
        return max;
    }

    /**
     * The plan for {@code kw} held until {@code until}. Jobs with no deadline go first, then the
     * latest deadlines, larger ones first among equals; jobs come whole, so the plan may shed a
     * little more than asked.
     */
    static JobPlan plan(List<FlexJob> jobs, Instant until, double kw) {
        List<FlexJob> candidates = pausable(jobs, until);
        candidates.sort(
                Comparator.comparing(
                                FlexJob::deadline,
                                Comparator.nullsFirst(Comparator.<Instant>reverseOrder()))
                        .thenComparing(Comparator.comparingDouble(FlexJob::powerKw).reversed()));
        List<FlexJob> pause = new ArrayList<>();
        double left = kw;
        for (FlexJob j : candidates) {
            if (left <= EPS_KW) {
                break;
            }
            if (j.powerKw() > 0) {
                pause.add(j);
                left -= j.powerKw();
            }
        }
        List<FlexJob> hold = new ArrayList<>();
        for (FlexJob j : jobs) {
            if (j.deferrable(until)) {
                hold.add(j);
            }
        }
        return new JobPlan(List.copyOf(hold), List.copyOf(pause));
    }

    /**
     * Why {@code kw} cannot be shed until {@code until}, or empty. What {@code order} already
     * pauses counts as available: a new revision gives it back before it applies.
     */
    static Optional<String> check(List<FlexJob> jobs, String order, Instant until, double kw) {
        if (kw <= EPS_KW) {
            return Optional.empty();
        }
        double own = 0;
        for (FlexJob j : jobs) {
            boolean paused =
                    j.markedBy(order) && j.mark().action() != Action.HOLD && j.stillPaused();
            own += paused && j.keepsDeadline(until) ? j.powerKw() : 0;
        }
        double available = kw(pausable(jobs, until)) + own;
        if (kw <= available + EPS_KW) {
            return Optional.empty();
        }
        for (FlexJob j : jobs) {
            if (j.pausableNow() && !j.keepsDeadline(until)) {
                return Optional.of(
                        String.format(
                                Locale.ROOT,
                                "cannot pause %.1f kW of Slurm jobs until %s: pausing %s would"
                                        + " break its deadline %s; only %.1f kW can be paused"
                                        + " that long",
                                kw,
                                until,
                                j.ref(),
                                j.deadline(),
                                available));
            }
        }
        return Optional.of(
                String.format(
                        Locale.ROOT,
                        "cannot pause %.1f kW of Slurm jobs: only %.1f kW of flexible jobs are"
                                + " running and may be suspended or requeued",
                        kw,
                        available));
    }
}
