package io.gridshift.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The demo, small: real VTN, node, broker, ledger and agents, one event, a measured summary. */
class DemoIT {
    @Test
    void theVtnsEventIsDecidedAndTheSummaryShowsWhatWasMeasured() throws Exception {
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
        try (Demo demo = new Demo(options, EventResponse.NOT_YET, new PrintWriter(out))) {
            result = demo.run();
        }

        // THEN every site was online in all four zones before and during the event
        assertThat(result.before().fleet().sitesOnline()).isEqualTo(8);
        assertThat(result.during().fleet().sitesOnline()).isEqualTo(8);
        assertThat(result.before().fleet().zones())
                .containsOnlyKeys("CN-SH", "CN-GD", "CN-NM", "CN-GS");
        assertThat(result.before().fleet().loadKw()).isPositive();
        assertThat(result.during().at()).isEqualTo(Instant.parse("2026-07-01T13:00:00Z"));
        // AND the VEN opted in to 30 % of the flexibility measured when the event was created
        double flex = result.before().fleet().flexKw();
        assertThat(result.gridEvent().getString("opt")).isEqualTo("OPT_IN");
        assertThat(result.gridEvent().getDouble("requestedKw")).isEqualTo(Math.floor(flex * 0.3));
        // AND the summary says what is not there yet, and where the dashboard is
        assertThat(out.toString())
                .contains("VEN decision: OPT_IN")
                .contains("not there yet: allocation")
                .contains("dashboard: ");
        assertThat(result.response()).isEmpty();
    }
}
