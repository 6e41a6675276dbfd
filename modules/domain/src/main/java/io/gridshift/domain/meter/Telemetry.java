package io.gridshift.domain.meter;

import io.gridshift.domain.Check;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.site.SiteId;
import java.time.Instant;

/**
 * A site's reading, sent every few seconds. {@code seq} rises by one per reading so that the
 * aggregator can drop duplicates and see gaps; readings may arrive late and out of order.
 *
 * @param site the site
 * @param seq the agent's reading counter
 * @param ts when the reading was taken
 * @param facilityKw the whole facility's draw
 * @param itKw the IT load within it
 * @param gridImportKw net import from the grid (negative when exporting)
 * @param onsiteGenKw on-site generation output
 * @param batterySocPct state of charge of the site's battery; {@code null} without one
 * @param activeDispatch the order being carried out; {@code null} when none
 */
public record Telemetry(
        SiteId site,
        long seq,
        Instant ts,
        double facilityKw,
        double itKw,
        double gridImportKw,
        double onsiteGenKw,
        Double batterySocPct,
        DispatchId activeDispatch) {
    public Telemetry {
        Check.required("site", site);
        Check.range("seq", seq, 0, Long.MAX_VALUE);
        Check.required("ts", ts);
        Check.powerKw("facilityKw", facilityKw);
        Check.powerKw("itKw", itKw);
        Check.signedPowerKw("gridImportKw", gridImportKw);
        Check.powerKw("onsiteGenKw", onsiteGenKw);
        if (batterySocPct != null) {
            Check.percent("batterySocPct", batterySocPct);
        }
    }

    /** Power usage effectiveness at this instant; NaN without IT load. */
    public double pue() {
        return itKw > 0 ? facilityKw / itKw : Double.NaN;
    }
}
