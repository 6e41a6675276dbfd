package io.gridshift.optimizer.signals;

import io.gridshift.domain.Check;
import io.gridshift.domain.site.GridZone;

/**
 * What the scheduler knows about a zone besides its signals.
 *
 * @param zone the grid zone
 * @param gridHeadroomKw how much extra load the zone's grid takes from the whole fleet in any slot
 *     (all of the fleet's sites in the zone together, on top of their baseline load)
 * @param residualMixGPerKwh carbon intensity of the residual mix (grid supply with the green
 *     certificates sold to others removed), gCO2eq/kWh, for market-based emissions; 0 means "use
 *     the grid's intensity of the hour" (no residual-mix figure known)
 */
public record ZoneInfo(GridZone zone, double gridHeadroomKw, double residualMixGPerKwh) {
    /** No headroom limit: far above any fleet. */
    public static final double UNLIMITED_KW = 1e12;

    public ZoneInfo {
        Check.required("zone", zone);
        Check.range("gridHeadroomKw", gridHeadroomKw, 0, UNLIMITED_KW);
        Check.range("residualMixGPerKwh", residualMixGPerKwh, 0, ZoneSignal.MAX_CARBON_G_PER_KWH);
    }

    /** A zone without a headroom limit or residual-mix figure. */
    public static ZoneInfo unlimited(GridZone zone) {
        return new ZoneInfo(zone, UNLIMITED_KW, 0);
    }
}
