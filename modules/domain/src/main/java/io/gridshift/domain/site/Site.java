package io.gridshift.domain.site;

import io.gridshift.domain.Check;

/**
 * A data center enrolled in the virtual power plant.
 *
 * @param id the site's id
 * @param name a human-readable name
 * @param zone the grid zone the site draws from
 * @param importLimitKw the most the site may draw from the grid (its connection or contract)
 */
public record Site(SiteId id, String name, GridZone zone, double importLimitKw) {
    public Site {
        Check.required("id", id);
        Check.text("name", name);
        Check.required("zone", zone);
        Check.powerKw("importLimitKw", importLimitKw);
    }
}
