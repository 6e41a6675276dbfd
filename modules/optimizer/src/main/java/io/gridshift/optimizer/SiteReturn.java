package io.gridshift.optimizer;

import io.gridshift.domain.Check;
import io.gridshift.domain.site.SiteId;

/**
 * Energy a site must take back after an event: deferred work ({@code reboundFactor} x kWh shed),
 * the thermal store's re-cooling and the battery's recharge.
 *
 * @param site the site
 * @param energyKwh energy to return
 * @param maxKw the fastest it may come back (the most the site shed at once)
 */
public record SiteReturn(SiteId site, double energyKwh, double maxKw) {
    public SiteReturn {
        Check.required("site", site);
        Check.energyKwh("energyKwh", energyKwh);
        Check.powerKw("maxKw", maxKw);
    }
}
