package io.gridshift.aggregator.fleet;

import java.util.List;

/**
 * One page of sites, ordered by id.
 *
 * @param total how many sites matched
 * @param sites the page
 */
public record SitePage(int total, List<SiteView> sites) {
    public SitePage {
        sites = List.copyOf(sites);
    }
}
