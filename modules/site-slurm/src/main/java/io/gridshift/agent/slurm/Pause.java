package io.gridshift.agent.slurm;

import java.util.Locale;

/** What an order may do to a flexible job while it runs ({@code pause=} in its comment). */
enum Pause {
    /** {@code scontrol suspend}: processes stopped in place, memory kept (the default). */
    SUSPEND,
    /**
     * {@code scontrol requeuehold}: the job is killed and queued again, held; for jobs that
     * checkpoint, since the work since their last checkpoint is lost. Needs Slurm's requeue flag.
     */
    REQUEUE,
    /** Never touched while running; only deferred while pending. */
    NONE;

    String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
