package io.gridshift.agent.sim;

/**
 * One training job holding a block of GPUs in one plant. Its work is counted in hours at nominal
 * duty: a cap or a pause slows it down by the measured throughput ratio, a job migrated out keeps
 * progressing at the other site and draws nothing here.
 */
final class TrainingJob {
    final String id;
    final int gpus;
    final long deadlineS;
    final boolean migratable;
    final double dataGb;
    double remainingH;
    double duty;
    boolean away;

    TrainingJob(
            String id,
            int gpus,
            long deadlineS,
            boolean migratable,
            double dataGb,
            double remainingH,
            double duty) {
        this.id = id;
        this.gpus = gpus;
        this.deadlineS = deadlineS;
        this.migratable = migratable;
        this.dataGb = dataGb;
        this.remainingH = remainingH;
        this.duty = duty;
    }

    /** Time the job could still be paused at {@code nowS} and finish by its deadline. */
    double slackS(long nowS) {
        return deadlineS - nowS - remainingH * 3600;
    }
}
