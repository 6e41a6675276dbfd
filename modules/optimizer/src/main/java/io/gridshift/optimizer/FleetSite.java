package io.gridshift.optimizer;

import io.gridshift.domain.Check;
import io.gridshift.domain.flex.FlexEnvelope;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;

/**
 * One site as the optimizer sees it: its newest envelope and how well it delivered before. The
 * aggregator builds it from its fleet state ({@code SiteView.envelope()}) and the closed loop's
 * record of delivered against ordered kW.
 *
 * @param envelope the site's newest envelope; an expired one offers nothing
 * @param history what it delivered before
 */
public record FleetSite(FlexEnvelope envelope, DeliveryHistory history) {
    public FleetSite {
        Check.required("envelope", envelope);
        Check.required("history", history);
    }

    public SiteId site() {
        return envelope.site();
    }

    public GridZone zone() {
        return envelope.zone();
    }
}
