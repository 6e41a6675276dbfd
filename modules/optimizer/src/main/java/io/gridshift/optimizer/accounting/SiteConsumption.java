package io.gridshift.optimizer.accounting;

import io.gridshift.domain.Check;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import java.time.Instant;
import java.util.Arrays;

/**
 * A site's metered consumption per hour.
 *
 * @param site the site
 * @param zone its grid zone
 * @param start the first hour (UTC, on the hour)
 * @param hourlyKwh energy drawn in each hour, kWh
 */
public record SiteConsumption(SiteId site, GridZone zone, Instant start, double[] hourlyKwh) {
    public SiteConsumption {
        Check.required("site", site);
        Check.required("zone", zone);
        Check.required("start", start);
        Check.required("hourlyKwh", hourlyKwh);
        if (start.getEpochSecond() % 3600 != 0 || start.getNano() != 0) {
            throw new InvalidFieldException("start", "pattern", start, "must be on the hour");
        }
        for (int i = 0; i < hourlyKwh.length; i++) {
            Check.energyKwh("hourlyKwh[" + i + "]", hourlyKwh[i]);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SiteConsumption c
                && site.equals(c.site)
                && zone.equals(c.zone)
                && start.equals(c.start)
                && Arrays.equals(hourlyKwh, c.hourlyKwh);
    }

    @Override
    public int hashCode() {
        return site.hashCode() * 31 + Arrays.hashCode(hourlyKwh);
    }

    @Override
    public String toString() {
        return "SiteConsumption["
                + site
                + ", "
                + zone
                + ", "
                + start
                + ", "
                + hourlyKwh.length
                + " h]";
    }
}
