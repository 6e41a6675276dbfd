package io.gridshift.optimizer;

import io.gridshift.domain.site.SiteId;
import java.util.List;
import java.util.Map;

/**
 * When deferred work comes back, site by site, after the event.
 *
 * @param siteKw load added per site and interval after the event
 * @param fleetKw the fleet's load per interval: baseline plus what returns
 * @param peakRatio the highest fleet load over its baseline, at most the request's limit
 * @param intervalsUsed intervals until everything has returned
 * @param unreturnedKwh energy that did not fit within the intervals given (0 when it all did)
 */
public record ReboundPlan(
        Map<SiteId, List<Double>> siteKw,
        List<Double> fleetKw,
        double peakRatio,
        int intervalsUsed,
        double unreturnedKwh) {
    public ReboundPlan {
        siteKw = Map.copyOf(siteKw);
        fleetKw = List.copyOf(fleetKw);
    }
}
