package io.gridshift.aggregator.ven.report;

import io.gridshift.aggregator.fleet.FleetSummary;
import java.time.Instant;

/**
 * One look at the fleet, the raw material of the VEN's telemetry reports.
 *
 * @param at when it was taken
 * @param online whether any site reports now
 * @param loadKw the fleet's facility load
 * @param flexKw the reduction it could give now, every kind together
 */
public record FleetSample(Instant at, boolean online, double loadKw, double flexKw) {

    public static FleetSample of(Instant at, FleetSummary summary) {
        return new FleetSample(at, summary.sitesOnline() > 0, summary.loadKw(), summary.flexKw());
    }
}
