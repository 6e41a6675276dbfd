package io.gridshift.agent.schedule;

/** Where a flexible job of the site stands. */
public enum JobState {
    /** Known, not running now (before arrival, held by the plan, or between planned pieces). */
    QUEUED,
    /** Drawing its kW now. */
    RUNNING,
    /** Finished. */
    DONE,
    /** Handed to another site by the plan; its kW left this site. */
    MOVED_OUT
}
