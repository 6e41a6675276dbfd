package io.gridshift.agent.sim;

import io.gridshift.domain.Check;

/**
 * A chilled-water store. While it coasts, the chillers stop and the store supplies the cold the
 * chillers would have made; afterwards the chillers recharge it with whatever capacity they have
 * spare (the pre-cooling rebound).
 *
 * @param storeKwh cold the store holds when full, in kWh thermal
 * @param chillerKw electrical capacity of the chiller plant; bounds the recharge
 * @param costPerKwh cost of the extra pre-cooling energy per kWh shed
 */
public record ChilledWaterOptions(double storeKwh, double chillerKw, double costPerKwh) {
    public ChilledWaterOptions {
        Check.range("chilledWater.storeKwh", storeKwh, 1, Check.MAX_ENERGY_KWH);
        Check.range("chilledWater.chillerKw", chillerKw, 1, Check.MAX_SITE_KW);
        Check.range("chilledWater.costPerKwh", costPerKwh, 0, 1_000);
    }

    /** 6 MWh of cold (about 45 min of a 10 MW site's chiller load), 3 MW of chillers. */
    public static ChilledWaterOptions typical() {
        return new ChilledWaterOptions(6_000, 3_000, 0.005);
    }
}
