package io.gridshift.domain.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridshift.domain.error.InvalidFieldException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {
    enum Transport {
        MQTT,
        COAP
    }

    static final Option<String> SITE = Option.required("site.id", Parsers.text(), "The site.");
    static final Option<Duration> PERIOD =
            Option.of("report.telemetryPeriodS", "5", Parsers.seconds(1, 60), "Telemetry period.");
    static final Option<Transport> TRANSPORT =
            Option.of("transport", "mqtt", Parsers.oneOf(Transport.class), "Link.");
    static final Option<URI> SERVER =
            Option.of("mqtt.server", "tcp://127.0.0.1:1883", Parsers.uri("tcp", "ssl"), "Broker.");
    static final Option<String> PASSWORD =
            Option.optional("mqtt.password", Parsers.text(), "Password.").asSecret();

    static Settings settings(Map<String, String> file, Map<String, String> env) {
        return new Settings(file, env, "GRIDSHIFT_AGENT_", "agent.properties");
    }

    @Test
    void environmentOverridesTheFileAndDefaultsFillTheRest() {
        Settings s =
                settings(
                        Map.of("site.id", "dc-1", "transport", "coap"),
                        Map.of("GRIDSHIFT_AGENT_TRANSPORT", "MQTT"));
        assertThat(s.get(SITE)).isEqualTo("dc-1");
        assertThat(s.get(TRANSPORT)).isEqualTo(Transport.MQTT);
        assertThat(s.get(PERIOD)).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.find(PASSWORD)).isEmpty();
        assertThat(PERIOD.envVar("GRIDSHIFT_AGENT_"))
                .isEqualTo("GRIDSHIFT_AGENT_REPORT_TELEMETRY_PERIOD_S");
    }

    @Test
    void badValuesNameTheKeyTheRuleAndTheSource() {
        assertThatThrownBy(
                        () ->
                                settings(Map.of("report.telemetryPeriodS", "0"), Map.of())
                                        .get(PERIOD))
                .hasMessage(
                        "report.telemetryPeriodS: must be between 1 and 60 (from agent.properties)"
                                + " (rule range, got \"0\")");
        assertThatThrownBy(() -> settings(Map.of("transport", "mqt"), Map.of()).get(TRANSPORT))
                .hasMessageStartingWith("transport: must be one of [mqtt, coap]");
        assertThatThrownBy(() -> settings(Map.of("mqtt.server", "http://x"), Map.of()).get(SERVER))
                .hasMessageContaining("scheme tcp or ssl");
        assertThatThrownBy(() -> settings(Map.of(), Map.of()).get(SITE))
                .hasMessageStartingWith(
                        "site.id: is required (set it in agent.properties or GRIDSHIFT_AGENT_SITE_ID)");
    }

    @Test
    void secretsAreMaskedInErrors() {
        Option<Long> pin = Option.of("pin", "1", Parsers.integer(0, 9), "A pin.").asSecret();
        assertThatThrownBy(() -> settings(Map.of("pin", "hunter2"), Map.of()).get(pin))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class,
                        e -> {
                            assertThat(e.value()).isEqualTo("\"***\"");
                            assertThat(e.getMessage()).doesNotContain("hunter2");
                        });
    }

    @Test
    void misspeltKeysAreRefused() {
        Settings s = settings(Map.of("site.id", "dc-1", "report.telemetryPeriod", "5"), Map.of());
        assertThatThrownBy(() -> s.rejectUnknownKeys(List.of(SITE, PERIOD)))
                .hasMessageStartingWith("report.telemetryPeriod: is not an option");
    }

    @Test
    void theTableDocumentsEveryOption() {
        String table = OptionTable.markdown("GRIDSHIFT_AGENT_", List.of(SITE, PERIOD));
        assertThat(table)
                .contains("| `GRIDSHIFT_AGENT_SITE_ID` | `site.id` | (required) | The site. |")
                .contains(
                        "| `GRIDSHIFT_AGENT_REPORT_TELEMETRY_PERIOD_S` | `report.telemetryPeriodS` | `5` |");
    }
}
