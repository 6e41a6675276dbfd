package io.gridshift.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridshift.agent.gpu.GpuPowerAdapter;
import io.gridshift.agent.gpu.GpuSiteFactory;
import io.gridshift.agent.sim.SimulatedDataCenter;
import io.gridshift.agent.sim.SimulatedResources;
import io.gridshift.agent.site.CompositeSiteAdapter;
import io.gridshift.agent.site.SiteAdapter;
import io.gridshift.agent.site.SiteAdapterFactories;
import io.gridshift.agent.transport.coap.CoapTransportOptions;
import io.gridshift.agent.transport.mqtt.MqttTransportOptions;
import io.gridshift.domain.config.Settings;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.flex.FlexEnvelope;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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

    private SiteAdapter adapter(String properties) throws IOException {
        Settings s = load("site.id=dc-1\nsite.zone=DE\n" + properties, Map.of());
        return AgentSetup.adapter(
                s,
                SiteAdapterFactories.discover(),
                SiteId.of("dc-1"),
                GridZone.of("DE"),
                Instant.parse("2026-07-01T00:00:00Z"));
    }

    @Test
    void oneAdapterByEitherOption() throws IOException {
        assertThat(adapter("adapter=simulated\n")).isInstanceOf(SimulatedDataCenter.class);
        assertThat(adapter("adapters=simulated\n")).isInstanceOf(SimulatedDataCenter.class);
        assertThat(adapter("")).isInstanceOf(SimulatedDataCenter.class);
    }

    @Test
    void simulatedAndGpuMakeOneSite() throws IOException {
        // GIVEN an nvidia-smi stand-in that prints the recorded eight busy GPUs
        Path csv = dir.resolve("busy.csv");
        try (var in =
                getClass()
                        .getResourceAsStream(
                                "/io/gridshift/agent/gpu/constructed-query-gpu-8x-busy.csv")) {
            Files.write(csv, in.readAllBytes());
        }
        Path smi = dir.resolve("nvidia-smi");
        Files.writeString(smi, "#!/bin/sh\ncat '" + csv + "'\n");
        assertThat(smi.toFile().setExecutable(true)).isTrue();
        // WHEN both adapters are named
        SiteAdapter site =
                adapter(
                        "adapters=simulated, gpu\ngpu.nvidiaSmi="
                                + smi
                                + "\ngpu.allowPowerLimit=true\n");
        // THEN they make one site whose envelope has both adapters' resources
        assertThat(site).isInstanceOf(CompositeSiteAdapter.class);
        FlexEnvelope env =
                site.envelope(Instant.parse("2026-07-01T14:00:00Z"), Duration.ofMinutes(5));
        assertThat(env.resource(GpuPowerAdapter.RESOURCE)).isPresent();
        assertThat(env.resource(SimulatedResources.UPS)).isPresent();
        assertThat(env.resource(GpuPowerAdapter.RESOURCE).orElseThrow().maxReductionKw())
                .isPositive();
    }

    @Test
    void anUnknownAdapterIsRefusedNamingTheOptionAndTheKnownOnes() {
        assertThatThrownBy(() -> adapter("adapters=simulated,slurm\n"))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith("adapters: unknown site adapter 'slurm'")
                .hasMessageContaining("simulated")
                .hasMessageContaining("gpu");
        assertThatThrownBy(() -> adapter("adapter=bogus\n"))
                .hasMessageStartingWith("adapter: unknown site adapter 'bogus'");
        assertThatThrownBy(() -> adapter("adapters=gpu,gpu\n"))
                .hasMessageStartingWith("adapters: must be adapter names");
    }

    @Test
    void theAdaptersOptionsAreKnownAndListed() throws IOException {
        assertThat(AgentConfig.table()).contains("`gpu.nvidiaSmi`", "`sim.seed`", "`adapters`");
        // a GPU option in the file is not refused as unknown
        assertThat(
                        load("site.id=dc-1\nsite.zone=DE\ngpu.ids=0,1\n", Map.of())
                                .get(GpuSiteFactory.IDS))
                .containsExactly(0, 1);
    }
}
