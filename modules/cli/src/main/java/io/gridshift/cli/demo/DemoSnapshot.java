package io.gridshift.cli.demo;

import io.gridshift.aggregator.fleet.FleetSummary;
import java.time.Instant;
import java.util.Locale;

/**
 * The fleet as the aggregator reported it at one simulated instant: every figure here was read from
 * the running node.
 */
record DemoSnapshot(Instant at, FleetSummary fleet) {
    String line() {
        return String.format(
                Locale.ROOT,
                "%s  sites online %3d  load %9.1f kW  flexibility %8.1f kW",
                at.toString().substring(11, 16),
                fleet.sitesOnline(),
                fleet.loadKw(),
                fleet.flexKw());
    }
}
