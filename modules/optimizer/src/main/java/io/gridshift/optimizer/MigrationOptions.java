package io.gridshift.optimizer;

import io.gridshift.domain.Check;
import io.gridshift.domain.flex.Limits;

/**
 * How migrations are priced.
 *
 * @param transferGbps bandwidth between sites for checkpoints and inputs, in Gbit/s, above 0
 * @param delayValuePerKwh value of one kWh of work held up while its data moves (currency/kWh)
 * @param carbonPricePerKg price of a kg of CO2 (currency/kg)
 * @param maxCostPerKwh a move whose cost per kWh shed in the event zone exceeds this is not made
 */
public record MigrationOptions(
        double transferGbps,
        double delayValuePerKwh,
        double carbonPricePerKg,
        double maxCostPerKwh) {
    public MigrationOptions {
        Check.range("transferGbps", transferGbps, 1e-3, 10_000);
        Check.range("delayValuePerKwh", delayValuePerKwh, 0, Limits.MAX_COST_PER_KWH);
        Check.range("carbonPricePerKg", carbonPricePerKg, 0, Limits.MAX_COST_PER_KWH);
        Check.range(
                "maxCostPerKwh", maxCostPerKwh, -Limits.MAX_COST_PER_KWH, Limits.MAX_COST_PER_KWH);
    }
}
