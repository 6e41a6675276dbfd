package io.gridshift.aggregator.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridshift.aggregator.ven.report.FleetReportCatalog;
import io.gridshift.vtn.VtnVerticle;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** What the VTN was told of an event's delivery, from the reports it stored. */
final class VtnDeliveryReports {
    private VtnDeliveryReports() {}

    /**
     * During the event the VEN's TELEMETRY_USAGE reports to the VTN carried the fleet's baseline
     * and the reduction the loop measured: each minute's baseline is the demand plus the reduction,
     * and over the event the reduction averages the commitment (the first minutes ramp: the orders
     * start 2 minutes early).
     */
    static void assertToldOf(
            VtnVerticle vtn, String venId, double committedKw, Instant start, Instant end) {
        Map<Instant, Map<String, Double>> byMinute = new TreeMap<>();
        for (var p : vtn.reports().points(venId)) {
            if (p.value() != null && !p.start().isBefore(start) && p.start().isBefore(end)) {
                byMinute.computeIfAbsent(p.start(), k -> new HashMap<>()).put(p.rId(), p.value());
            }
        }
        String r = FleetReportCatalog.R_REDUCTION;
        String b = FleetReportCatalog.R_BASELINE;
        String demand = FleetReportCatalog.R_DEMAND;
        assertThat(byMinute).as("reported minutes of the event").hasSizeGreaterThanOrEqualTo(15);
        double sum = 0;
        for (Map<String, Double> m : byMinute.values()) {
            assertThat(m).containsKeys(r, b, demand);
            assertThat(m.get(b)).isCloseTo(m.get(demand) + m.get(r), within(1.0));
            sum += m.get(r);
        }
        assertThat(sum / byMinute.size() / committedKw)
                .as("mean reduction reported to the VTN against the commitment")
                .isCloseTo(1, within(0.05));
    }
}
