package io.gridshift.domain.meter;

import io.gridshift.domain.Check;
import io.gridshift.domain.site.SiteId;
import java.time.Duration;
import java.time.Instant;

/**
 * The average load of a site over one metering interval (one minute by default), aggregated from
 * telemetry. Baselines and settlement work on these, never on raw telemetry.
 *
 * @param site the site
 * @param start the interval's start
 * @param interval the interval's length
 * @param facilityKw mean facility load
 * @param itKw mean IT load
 * @param samples how many telemetry readings went into it (0: filled by estimation)
 */
public record MeterReading(
        SiteId site,
        Instant start,
        Duration interval,
        double facilityKw,
        double itKw,
        int samples) {
    public MeterReading {
        Check.required("site", site);
        Check.required("start", start);
        Check.duration("interval", interval, Duration.ofHours(1));
        if (interval.isZero()) {
            Check.range("interval", 0, 1, 3600);
        }
        Check.powerKw("facilityKw", facilityKw);
        Check.powerKw("itKw", itKw);
        Check.range("samples", samples, 0, Integer.MAX_VALUE);
    }

    public Instant end() {
        return start.plus(interval);
    }

    /** Facility energy over the interval. */
    public double facilityKwh() {
        return Energy.kwh(facilityKw, interval);
    }
}
