package io.gridshift.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The demo, small: real VTN, node, broker, ledger and agents, one event planned, dispatched and
 * tracked by the aggregator's closed loop, and a summary of what was measured.
 */
class DemoIT {
    /**
     * The least share of the commitment the fleet must deliver: the closed loop on this accelerated
     * clock delivered {@value} or more in every run here; a demo that outruns the loop measures 0.
     */
    static final double MIN_DELIVERED_SHARE = 0.5;

    @Test
    void theVtnsEventIsDeliveredAndTheSummaryShowsWhatWasMeasured() throws Exception {
        DemoOptions options =
                new DemoOptions(
                        8,
                        Instant.parse("2026-07-01T12:00:00Z"),
                        Duration.ofHours(2),
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(30),
                        Duration.ofMinutes(15),
                        Duration.ofMinutes(30),
                        0.3,
                        0,
                        false);
        StringWriter out = new StringWriter();
        DemoResult result;
        try (Demo demo = new Demo(options, new PrintWriter(out))) {
            result = demo.run();
        }

        // THEN every site was online in all four zones before and during the event
        assertThat(result.before().fleet().sitesOnline()).isEqualTo(8);
        assertThat(result.during().fleet().sitesOnline()).isEqualTo(8);
        assertThat(result.before().fleet().zones())
                .containsOnlyKeys("CN-SH", "CN-GD", "CN-NM", "CN-GS");
        assertThat(result.before().fleet().loadKw()).isPositive();
        assertThat(result.during().at()).isEqualTo(Instant.parse("2026-07-01T13:00:00Z"));
        // AND the VEN opted in to 30 % of the flexibility measured in the event's zones
        double flex = Demo.eventZoneFlexKw(result.before().fleet());
        assertThat(result.gridEvent().getString("opt")).isEqualTo("OPT_IN");
        assertThat(result.gridEvent().getDouble("requestedKw")).isEqualTo(Math.floor(flex * 0.3));
        // AND the fleet delivered a real share of it, by the agents' acks and by the meters
        DeliveryFigures d = result.delivery();
        assertThat(d.status()).isEqualTo("COMPLETED");
        assertThat(d.loopSteps()).isEqualTo(30 * 6);
        assertThat(d.committedKw()).isEqualTo(Math.floor(flex * 0.3));
        assertThat(d.deliveredShare()).isBetween(MIN_DELIVERED_SHARE, 1.5);
        assertThat(d.meterKw()).isGreaterThan(MIN_DELIVERED_SHARE * d.committedKw());
        assertThat(d.deliveredKwh()).isGreaterThan(MIN_DELIVERED_SHARE * d.committedKwh());
        // AND the sites' own meters show the dear zones drawing less, priced and in carbon
        double dearZonesKwh = d.savedKwhByZone().get("CN-SH") + d.savedKwhByZone().get("CN-GD");
        assertThat(dearZonesKwh).isPositive();
        assertThat(d.billSavedCny()).isPositive();
        assertThat(d.carbonSavedKg()).isPositive();
        // AND the summary prints them, and where the dashboard is
        assertThat(out.toString())
                .contains("VEN decision: OPT_IN")
                .contains("delivery (COMPLETED): committed ")
                .contains("migrated work: ")
                .contains("carbon: ")
                .contains("dashboard: ");
    }
}
