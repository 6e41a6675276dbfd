package io.gridshift.agent.sim;

/** A batch job's progress in one plant (the site or its shadow): run time left, running or not. */
final class BatchJob {
    final BatchJobSpec spec;
    double remainingS;
    boolean running;

    /** Scheduling scratch: priority class and slack at the start of the step. */
    int rank;

    double slack;

    BatchJob(BatchJobSpec spec) {
        this.spec = spec;
        this.remainingS = spec.runS();
    }

    /** Time the job can still wait at {@code nowS} and finish by its deadline. */
    double slackS(long nowS) {
        return spec.deadlineS() - nowS - remainingS;
    }

    double kw() {
        return spec.kw();
    }
}
