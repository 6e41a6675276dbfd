package io.gridshift.optimizer.schedule;

import io.gridshift.domain.Check;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;

/**
 * A data center as the day-ahead scheduler sees it.
 *
 * @param id site id
 * @param zone its grid zone
 * @param hostingKw most kW of scheduled jobs it can run in any slot (free servers)
 * @param importLimitKw its grid connection: baseline plus scheduled jobs stays at or below this
 * @param baselineKw the load it runs anyway (not scheduled here)
 */
public record ScheduleSite(
        SiteId id, GridZone zone, double hostingKw, double importLimitKw, double baselineKw) {
    public ScheduleSite {
        Check.required("id", id);
        Check.required("zone", zone);
        Check.powerKw("hostingKw", hostingKw);
        Check.powerKw("importLimitKw", importLimitKw);
        Check.powerKw("baselineKw", baselineKw);
        if (baselineKw > importLimitKw) {
            throw new InvalidFieldException(
                    "baselineKw",
                    "range",
                    baselineKw,
                    "must not exceed importLimitKw (" + importLimitKw + ")");
        }
    }

    /** kW of scheduled jobs the site can take in a slot: hosting and import room. */
    public double roomKw() {
        return Math.min(hostingKw, importLimitKw - baselineKw);
    }
}
