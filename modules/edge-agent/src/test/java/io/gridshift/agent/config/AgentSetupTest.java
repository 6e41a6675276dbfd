package io.gridshift.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridshift.agent.transport.coap.CoapTransportOptions;
import io.gridshift.agent.transport.mqtt.MqttTransportOptions;
import io.gridshift.domain.config.Settings;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.SiteId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentSetupTest {
    @TempDir Path dir;

    Settings load(String properties, Map<String, String> env) throws IOException {
        Path file = dir.resolve("agent.properties");
        Files.writeString(file, properties);
        return AgentSetup.load(file, env);
    }

    @Test
    void aMinimalFileGivesADocumentedDefaultForEverythingElse() throws IOException {
        Settings s = load("site.id=dc-sh-01\nsite.zone=CN-SH\n", Map.of());
        MqttTransportOptions mqtt = AgentSetup.mqtt(s, SiteId.of("dc-sh-01"));
        assertThat(mqtt.serverUri().toString()).isEqualTo("tcp://127.0.0.1:1883");
        assertThat(mqtt.clientId()).isEqualTo("gridshift-agent-dc-sh-01");
        assertThat(mqtt.telemetryQos()).isZero();
        assertThat(AgentConfig.reporting(s).telemetryPeriod()).isEqualTo(Duration.ofSeconds(5));
        assertThat(AgentConfig.buffer(s).maxBytes()).isEqualTo(64L << 20);
    }

    @Test
    void theEnvironmentOverridesTheFile() throws IOException {
        Settings s =
                load(
                        "site.id=dc-sh-01\nsite.zone=CN-SH\ntransport=mqtt\n",
                        Map.of(
                                "GRIDSHIFT_AGENT_COAP_URI",
                                "coap://10.0.0.5:5683",
                                "GRIDSHIFT_AGENT_TRANSPORT",
                                "coap"));
        assertThat(s.get(AgentConfig.TRANSPORT)).isEqualTo(AgentConfig.Transport.COAP);
        CoapTransportOptions coap = AgentSetup.coap(s, SiteId.of("dc-sh-01"));
        assertThat(coap.aggregatorUri().getHost()).isEqualTo("10.0.0.5");
    }

    @Test
    void badConfigurationFailsNamingTheOptionAndTheRule() throws IOException {
        assertThatThrownBy(
                        () ->
                                AgentSetup.build(
                                        load("site.id=DC_1\nsite.zone=CN-SH\n", Map.of()),
                                        java.time.Clock.systemUTC()))
                .hasMessageStartingWith("site.id: must match");
        assertThatThrownBy(
                        () ->
                                load(
                                                "site.id=dc-1\nsite.zone=CN-SH\nreport.telemetryPeriodS=0\n",
                                                Map.of())
                                        .get(AgentConfig.TELEMETRY_PERIOD))
                .hasMessageStartingWith("report.telemetryPeriodS: must be between 1 and 60");
        assertThatThrownBy(
                        () ->
                                load(
                                                "site.id=dc-1\nsite.zone=CN-SH\nmqtt.server=http://x:1\n",
                                                Map.of())
                                        .get(AgentConfig.MQTT_SERVER))
                .hasMessageContaining("scheme tcp or ssl");
        assertThatThrownBy(
                        () ->
                                load(
                                        "site.id=dc-1\nsite.zone=CN-SH\nmqtt.sever=tcp://x:1\n",
                                        Map.of()))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith("mqtt.sever: is not an option");
        assertThatThrownBy(() -> load("site.zone=CN-SH\n", Map.of()).get(AgentConfig.SITE_ID))
                .hasMessageContaining("GRIDSHIFT_AGENT_SITE_ID");
    }

    @Test
    void dtlsWithoutAKeyIsRefused() throws IOException {
        Settings s =
                load(
                        "site.id=dc-1\nsite.zone=CN-SH\ntransport=coap\ncoap.uri=coaps://127.0.0.1:5684\n",
                        Map.of());
        assertThatThrownBy(() -> AgentSetup.coap(s, SiteId.of("dc-1")))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("psk");
    }

    @Test
    void theOptionTableListsEveryOption() {
        String table = AgentConfig.table();
        for (var option : AgentConfig.all()) {
            assertThat(table).contains("`" + option.key() + "`");
        }
    }
}
