package io.gridshift.optimizer;

import io.gridshift.domain.Check;
import io.gridshift.domain.flex.FlexEnvelope;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;

/**
 * One site as the optimizer sees it: its newest envelope, how well it delivered before, and how
 * much grid power an IT kW costs it. The aggregator builds it from its fleet state ({@code
 * SiteView.envelope()}, the latest telemetry's PUE) and the closed loop's record of delivered
 * against ordered kW.
 *
 * @param envelope the site's newest envelope; an expired one offers nothing
 * @param history what it delivered before
 * @param pue grid kW per IT kW at the site (facility over IT load, at least 1): a job that moves
 *     out takes its IT kW along and the site's import falls by that times the PUE (the cooling and
 *     power losses it no longer causes); 1 where unknown
 */
public record FleetSite(FlexEnvelope envelope, DeliveryHistory history, double pue) {
    /** The highest PUE taken as real; above it the telemetry is wrong. */
    public static final double MAX_PUE = 5;

    public FleetSite {
        Check.required("envelope", envelope);
        Check.required("history", history);
        Check.range("pue", pue, 1, MAX_PUE);
    }

    /** A site whose PUE is unknown: moves count their IT kW only. */
    public FleetSite(FlexEnvelope envelope, DeliveryHistory history) {
        this(envelope, history, 1);
    }

    /** The PUE of a site's telemetry, or 1 when it has none or it is not believable. */
    public static double pueOf(double facilityKw, double itKw) {
        double pue = itKw > 0 ? facilityKw / itKw : Double.NaN;
        return Double.isFinite(pue) && pue >= 1 && pue <= MAX_PUE ? pue : 1;
    }

    public SiteId site() {
        return envelope.site();
    }

    public GridZone zone() {
        return envelope.zone();
    }
}
