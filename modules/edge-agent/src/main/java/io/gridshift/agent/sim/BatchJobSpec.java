package io.gridshift.agent.sim;

/**
 * A batch job as submitted: the same for the site and for its shadow baseline.
 *
 * @param id job id, unique in the site
 * @param kw IT power while running
 * @param runS run time when never held, in seconds
 * @param submittedS submission time, epoch seconds
 * @param deadlineS when it must be finished, epoch seconds
 */
record BatchJobSpec(String id, double kw, long runS, long submittedS, long deadlineS) {}
