package io.gridshift.aggregator.green;

import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import java.util.List;

/**
 * A site's live green-power account.
 *
 * @param site the site
 * @param zone its grid zone from the fleet; {@code null} when the fleet does not know it (no carbon
 *     data then)
 * @param contractId its contract's id ({@code none} without one)
 * @param hours every hour of the period
 * @param period their sums
 */
public record SiteGreen(
        SiteId site, GridZone zone, String contractId, List<GreenHour> hours, GreenTotals period) {
    public SiteGreen {
        hours = List.copyOf(hours);
    }
}
