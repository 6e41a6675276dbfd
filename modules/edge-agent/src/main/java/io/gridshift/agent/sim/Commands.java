package io.gridshift.agent.sim;

/**
 * What the active orders ask of the plant in one step, ramps applied.
 *
 * @param batchBudgetKw most batch IT power allowed; infinite without a hold
 * @param trainingCapItKw IT power the training cap removes below nominal
 * @param coastShare share of the chiller load the chilled-water store carries (0-1)
 * @param dischargeKw battery discharge asked
 * @param gensetKw genset output asked
 */
record Commands(
        double batchBudgetKw,
        double trainingCapItKw,
        double coastShare,
        double dischargeKw,
        double gensetKw) {
    /** No order: the shadow baseline's commands. */
    static final Commands NONE = new Commands(Double.POSITIVE_INFINITY, 0, 0, 0, 0);
}
