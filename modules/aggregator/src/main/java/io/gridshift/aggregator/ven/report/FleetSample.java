package io.gridshift.aggregator.ven.report;

import io.gridshift.aggregator.fleet.FleetSummary;
import io.gridshift.aggregator.ven.DeliveryNow;
import java.time.Instant;

/**
 * One look at the fleet, the raw material of the VEN's telemetry reports.
 *
 * @param at when it was taken
 * @param online whether any site reports now
 * @param loadKw the fleet's facility load
 * @param flexKw the reduction it could give now, every kind together
 * @param reductionKw what the events under way take off the load now (their closed loops' measure);
 *     the load plus this is the fleet's baseline
 */
public record FleetSample(
        Instant at, boolean online, double loadKw, double flexKw, double reductionKw) {

    /** A sample with no event under way. */
    public FleetSample(Instant at, boolean online, double loadKw, double flexKw) {
        this(at, online, loadKw, flexKw, 0);
    }

    public static FleetSample of(Instant at, FleetSummary summary, DeliveryNow delivering) {
        return new FleetSample(
                at,
                summary.sitesOnline() > 0,
                summary.loadKw(),
                summary.flexKw(),
                delivering.deliveredKw());
    }

    /** The load the fleet would draw without the events: its load plus their reduction. */
    public double baselineKw() {
        return loadKw + reductionKw;
    }
}
