package io.gridshift.optimizer;

import io.gridshift.domain.Check;
import io.gridshift.domain.flex.Limits;
import io.gridshift.domain.site.GridZone;

/**
 * A zone's energy price and grid carbon intensity over the event, used to price migrations.
 *
 * @param zone the zone
 * @param pricePerKwh energy price (currency/kWh)
 * @param carbonKgPerKwh grid carbon intensity (kg CO2/kWh)
 */
public record ZoneMarket(GridZone zone, double pricePerKwh, double carbonKgPerKwh) {
    public ZoneMarket {
        Check.required("zone", zone);
        Check.range("pricePerKwh", pricePerKwh, -Limits.MAX_COST_PER_KWH, Limits.MAX_COST_PER_KWH);
        Check.range("carbonKgPerKwh", carbonKgPerKwh, 0, Limits.MAX_CO2_KG_PER_KWH);
    }

    /** What one kWh costs here once its carbon is priced at {@code carbonPricePerKg}. */
    public double costPerKwh(double carbonPricePerKg) {
        return pricePerKwh + carbonKgPerKwh * carbonPricePerKg;
    }
}
