package io.gridshift.agent.sim;

/**
 * The chilled-water store. Coasting stops a share of the chillers and draws the cold they would
 * have made from the store, until it is empty; then the chillers take the load back. Not coasting,
 * spare chiller capacity refills the store: that extra draw is the rebound of a coast.
 */
final class ChilledWaterStore {
    private final ChilledWaterOptions options;
    private double storedKwh;
    private double rechargeKw;

    ChilledWaterStore(ChilledWaterOptions options) {
        this.options = options;
        this.storedKwh = options.storeKwh();
    }

    /**
     * One step.
     *
     * @param coastShare share of the chiller load to switch off (0-1)
     * @param chillerKw chiller electrical power the load needs without the store
     * @param mechanicalHeatKw the cold the chillers make for it, kW thermal
     * @param cop chiller COP now
     * @param rechargeCapKw most extra chiller power to refill the store (a rebound limit); infinite
     *     without one
     * @return chiller electrical power actually drawn
     */
    double step(
            double coastShare,
            double chillerKw,
            double mechanicalHeatKw,
            double cop,
            double rechargeCapKw,
            long stepS) {
        double hours = stepS / 3600.0;
        rechargeKw = 0;
        if (coastShare > 0 && mechanicalHeatKw > 0) {
            double share = Math.min(coastShare, storedKwh / (mechanicalHeatKw * hours));
            storedKwh = Math.max(0, storedKwh - share * mechanicalHeatKw * hours);
            return (1 - share) * chillerKw;
        }
        if (coastShare <= 0 && storedKwh < options.storeKwh()) {
            double spareKw = Math.max(0, options.chillerKw() - chillerKw);
            double neededKw = (options.storeKwh() - storedKwh) / cop / hours;
            rechargeKw = Math.max(0, Math.min(Math.min(spareKw, neededKw), rechargeCapKw));
            storedKwh = Math.min(options.storeKwh(), storedKwh + rechargeKw * cop * hours);
        }
        return chillerKw + rechargeKw;
    }

    double storedKwh() {
        return storedKwh;
    }

    /** Extra chiller power drawn in the last step to refill the store. */
    double rechargeKw() {
        return rechargeKw;
    }

    ChilledWaterOptions options() {
        return options;
    }
}
