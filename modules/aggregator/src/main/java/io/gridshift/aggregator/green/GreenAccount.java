package io.gridshift.aggregator.green;

import java.time.Instant;
import java.util.List;

/**
 * The live green-power account of [from, to): each site's and the fleet's, per hour and for the
 * period.
 *
 * @param from the first hour (UTC)
 * @param to the end of the last
 * @param sites the sites, by id
 * @param fleetHours the fleet per hour: the sums of the sites' hours
 * @param fleet the fleet's period: the sums of its hours
 */
public record GreenAccount(
        Instant from,
        Instant to,
        List<SiteGreen> sites,
        List<GreenTotals> fleetHours,
        GreenTotals fleet) {
    public GreenAccount {
        sites = List.copyOf(sites);
        fleetHours = List.copyOf(fleetHours);
    }
}
