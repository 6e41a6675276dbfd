package io.gridshift.aggregator.green;

import io.gridshift.domain.Check;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import io.gridshift.optimizer.signals.GreenContract;
import io.gridshift.optimizer.signals.ZoneInfo;
import java.util.Map;

/**
 * The fleet's green supply contracts, one per site at most, and the residual-mix intensity of the
 * zones that have one (read from {@code schedule.greenContractsFile}, see {@link
 * GreenContractsFile}).
 *
 * @param sites each site's contract; a site without one has no contracted green supply
 * @param residualMixGPerKwh per zone, gCO2eq/kWh, for market-based emissions; a zone without one
 *     uses the grid's hourly intensity
 */
public record GreenContracts(
        Map<SiteId, GreenContract> sites, Map<GridZone, Double> residualMixGPerKwh) {
    /** No contracts, no residual mix. */
    public static final GreenContracts NONE = new GreenContracts(Map.of(), Map.of());

    public GreenContracts {
        Check.required("sites", sites);
        Check.required("residualMixGPerKwh", residualMixGPerKwh);
        sites = Map.copyOf(sites);
        residualMixGPerKwh = Map.copyOf(residualMixGPerKwh);
    }

    /** The site's contract, or {@link GreenContract#none()}. */
    public GreenContract contract(SiteId site) {
        return sites.getOrDefault(site, GreenContract.none());
    }

    /** The zone's residual mix as the optimizer takes it (0: none known). */
    public ZoneInfo zone(GridZone zone) {
        return new ZoneInfo(
                zone, ZoneInfo.UNLIMITED_KW, residualMixGPerKwh.getOrDefault(zone, 0.0));
    }
}
