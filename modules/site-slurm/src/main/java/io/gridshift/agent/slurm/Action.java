package io.gridshift.agent.slurm;

import java.util.Locale;

/** What the adapter did to a job for an order; written into the job's admin comment. */
enum Action {
    /** {@code scontrol hold}; undone by {@code scontrol release}. */
    HOLD,
    /** {@code scontrol suspend}; undone by {@code scontrol resume}. */
    SUSPEND,
    /** {@code scontrol requeuehold}; undone by {@code scontrol release}. */
    REQUEUE;

    String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Action of(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
