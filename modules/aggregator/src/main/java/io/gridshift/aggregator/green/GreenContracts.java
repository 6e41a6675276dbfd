package io.gridshift.aggregator.green;

import io.gridshift.domain.Check;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import io.gridshift.optimizer.signals.GreenContract;
import io.gridshift.optimizer.signals.ZoneInfo;
import java.util.HashMap;
import java.util.Map;

/**
 * The fleet's green supply contracts, one per site at most, and the zones' metadata: the
 * residual-mix intensity of those that have one and the grid headroom of those that limit it (read
 * from {@code schedule.greenContractsFile}, see {@link GreenContractsFile}).
 *
 * @param sites each site's contract; a site without one has no contracted green supply
 * @param residualMixGPerKwh per zone, gCO2eq/kWh, for market-based emissions; a zone without one
 *     uses the grid's hourly intensity
 * @param gridHeadroomKw per zone, the load the fleet may add there in any slot (the day-ahead
 *     scheduler keeps to it); a zone without one is not limited
 */
public record GreenContracts(
        Map<SiteId, GreenContract> sites,
        Map<GridZone, Double> residualMixGPerKwh,
        Map<GridZone, Double> gridHeadroomKw) {
    /** No contracts, no zone metadata. */
    public static final GreenContracts NONE = new GreenContracts(Map.of(), Map.of(), Map.of());

    public GreenContracts {
        Check.required("sites", sites);
        Check.required("residualMixGPerKwh", residualMixGPerKwh);
        Check.required("gridHeadroomKw", gridHeadroomKw);
        sites = Map.copyOf(sites);
        residualMixGPerKwh = Map.copyOf(residualMixGPerKwh);
        gridHeadroomKw = Map.copyOf(gridHeadroomKw);
    }

    /** Contracts and residual mix only: no zone's headroom limited. */
    public GreenContracts(
            Map<SiteId, GreenContract> sites, Map<GridZone, Double> residualMixGPerKwh) {
        this(sites, residualMixGPerKwh, Map.of());
    }

    /** The site's contract, or {@link GreenContract#none()}. */
    public GreenContract contract(SiteId site) {
        return sites.getOrDefault(site, GreenContract.none());
    }

    /** The zone as the optimizer takes it: its headroom (unlimited: none) and residual mix. */
    public ZoneInfo zone(GridZone zone) {
        return new ZoneInfo(
                zone,
                gridHeadroomKw.getOrDefault(zone, ZoneInfo.UNLIMITED_KW),
                residualMixGPerKwh.getOrDefault(zone, 0.0));
    }

    /** Every zone with metadata, for the day-ahead scheduler. */
    public Map<GridZone, ZoneInfo> zones() {
        Map<GridZone, ZoneInfo> out = new HashMap<>();
        residualMixGPerKwh.keySet().forEach(z -> out.put(z, zone(z)));
        gridHeadroomKw.keySet().forEach(z -> out.put(z, zone(z)));
        return out;
    }
}
