package io.gridshift.optimizer.schedule;

/** Where and when the scheduler may move a job. */
public enum Policy {
    /** The baseline: every job starts at its arrival at its origin site, capacity ignored. */
    RUN_AT_ARRIVAL,
    /** At the origin site, delayed up to the window (and the deadline). */
    TEMPORAL,
    /** At any allowed site, starting at arrival (plus the data-transfer time when remote). */
    SPATIAL,
    /** Any allowed site, any time within the window and the deadline. */
    BOTH
}
