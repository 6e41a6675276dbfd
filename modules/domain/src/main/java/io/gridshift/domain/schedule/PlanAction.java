package io.gridshift.domain.schedule;

/** What a site does with one job of a plan. */
public enum PlanAction {
    /** Run the job here, in the planned slots. */
    RUN,
    /**
     * Hand the job to {@code peer}, which runs it in the planned slots; its kW leaves this site.
     */
    MOVE_OUT,
    /** Run a job handed over by {@code peer} here, in the planned slots. */
    MOVE_IN
}
