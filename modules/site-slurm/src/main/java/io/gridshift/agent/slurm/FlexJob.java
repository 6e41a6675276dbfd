package io.gridshift.agent.slurm;

import java.time.Instant;

/**
 * A job with the convention read: what an order may do to it.
 *
 * @param job the job as Slurm lists it
 * @param terms what its comment states
 * @param powerKw its power while running: the comment's {@code kw}, else CPUs × the default
 * @param deadline the latest instant it may be held until: the comment's {@code deadline}, or
 *     earlier where Slurm's own deadline minus the time limit is earlier; {@code null} when none
 * @param mark what the adapter did to it, from its admin comment; {@code null} when nothing
 */
record FlexJob(
        SlurmJob job,
        Convention.Terms terms,
        double powerKw,
        Instant deadline,
        Convention.Mark mark) {

    static FlexJob of(SlurmJob job, double defaultCpuKw) {
        Convention.Terms terms = Convention.terms(job.comment());
        double kw = terms.kw() != null ? terms.kw() : job.cpus() * defaultCpuKw;
        Instant deadline = terms.deadline();
        if (job.slurmDeadline() != null) {
            // Slurm's deadline is when the job must be finished: it must start a time limit before.
            Instant latestStart =
                    job.timeLimitMinutes() == null
                            ? job.slurmDeadline()
                            : job.slurmDeadline().minusSeconds(job.timeLimitMinutes() * 60);
            deadline = deadline == null || latestStart.isBefore(deadline) ? latestStart : deadline;
        }
        return new FlexJob(job, terms, kw, deadline, Convention.mark(job.adminComment()));
    }

    String id() {
        return job.id();
    }

    /** Whether holding it until {@code until} keeps its deadline. */
    boolean keepsDeadline(Instant until) {
        return deadline == null || !deadline.isBefore(until);
    }

    /** A pending flexible job no one holds, which an order could hold until {@code until}. */
    boolean deferrable(Instant until) {
        return terms.flexible()
                && mark == null
                && job.pending()
                && !job.held()
                && keepsDeadline(until);
    }

    /** A running flexible job an order could pause until {@code until}. */
    boolean pausable(Instant until) {
        return pausableNow() && keepsDeadline(until);
    }

    /** A running flexible job an order could pause, deadline aside. */
    boolean pausableNow() {
        return terms.flexible() && mark == null && job.running() && pauseAction() != null;
    }

    /** How it would be paused: by its comment, requeue only where Slurm allows it. */
    Action pauseAction() {
        return switch (terms.pause()) {
            case SUSPEND -> Action.SUSPEND;
            case REQUEUE -> job.requeue() ? Action.REQUEUE : null;
            case NONE -> null;
        };
    }

    boolean markedBy(String order) {
        return mark != null && mark.order().equals(order);
    }

    /** Whether what {@code mark} says was done still holds (not undone by someone else). */
    boolean stillPaused() {
        if (mark == null) {
            return false;
        }
        return switch (mark.action()) {
            case SUSPEND -> job.suspended();
            case HOLD, REQUEUE -> job.held();
        };
    }

    String ref() {
        return "job " + job.id() + " (partition " + job.partition() + ")";
    }
}
