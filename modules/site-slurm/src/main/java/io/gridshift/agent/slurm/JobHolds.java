package io.gridshift.agent.slurm;

import io.gridshift.domain.error.GridshiftException;
import java.time.Instant;

/**
 * Holds, pauses and releases single jobs. The mark goes into the job's admin comment before the job
 * is touched, so that a crash in between leaves a mark that a later revert finds; a release touches
 * a job only while the mark is there and what it says still holds (a job a human resumed or
 * released meanwhile is only unmarked), and it puts the admin comment back as it was.
 */
final class JobHolds {
    private final SlurmCli slurm;

    JobHolds(SlurmCli slurm) {
        this.slurm = slurm;
    }

    /** Marks {@code job} for {@code order}. */
    void mark(FlexJob job, String order, Action action, Instant until) {
        slurm.adminComment(
                job.id(),
                Convention.withMark(
                        job.job().adminComment(), new Convention.Mark(order, action, until)));
    }

    /** Carries out {@code action} on a marked job. */
    void act(FlexJob job, Action action) {
        Runnable command =
                switch (action) {
                    case HOLD -> () -> slurm.hold(job.id());
                    case SUSPEND -> () -> slurm.suspend(job.id());
                    case REQUEUE -> () -> slurm.requeueHold(job.id());
                };
        command.run();
    }

    /** Undoes {@code action} on a job this adapter acted on. */
    void undo(FlexJob job, Action action) {
        Runnable command =
                switch (action) {
                    case HOLD, REQUEUE -> () -> slurm.release(job.id());
                    case SUSPEND -> () -> slurm.resume(job.id());
                };
        command.run();
    }

    /** Puts the admin comment back as it was before the mark. */
    void unmark(FlexJob job) {
        slurm.adminComment(job.id(), Convention.withoutMark(job.job().adminComment()));
    }

    /**
     * Releases a job as listed now: undoes the action where it still holds, then removes the mark.
     * When the undo fails the mark stays, for the next revert.
     */
    void release(FlexJob listed) {
        if (listed.mark() == null) {
            return;
        }
        if (listed.stillPaused()) {
            undo(listed, listed.mark().action());
        }
        unmark(listed);
    }

    /** Undoes what {@code release} could not, adding failures to {@code cause}. */
    static void tryTo(Runnable step, GridshiftException cause) {
        try {
            step.run();
        } catch (GridshiftException e) {
            cause.addSuppressed(e);
        }
    }
}
