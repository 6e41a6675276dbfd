package io.gridshift.agent.sim;

/**
 * What the active orders ask of the plant in one step, ramps applied.
 *
 * @param batchBudgetKw most batch IT power allowed; infinite without a hold or a rebound limit
 * @param trainingCapItKw IT power the training cap removes below nominal
 * @param coastShare share of the chiller load the chilled-water store carries (0-1)
 * @param dischargeKw battery discharge asked
 * @param gensetKw genset output asked
 * @param rechargeCapKw most power the battery may draw to recharge; infinite without a limit
 * @param chwRechargeCapKw most extra chiller power to refill the store; infinite without a limit
 */
record Commands(
        double batchBudgetKw,
        double trainingCapItKw,
        double coastShare,
        double dischargeKw,
        double gensetKw,
        double rechargeCapKw,
        double chwRechargeCapKw) {
    /** No order: the shadow baseline's commands. */
    static final Commands NONE =
            new Commands(
                    Double.POSITIVE_INFINITY,
                    0,
                    0,
                    0,
                    0,
                    Double.POSITIVE_INFINITY,
                    Double.POSITIVE_INFINITY);
}
