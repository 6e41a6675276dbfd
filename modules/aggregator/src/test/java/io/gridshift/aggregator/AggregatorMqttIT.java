package io.gridshift.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gridshift.aggregator.dispatch.DispatchState;
import io.gridshift.aggregator.fleet.FleetSummary;
import io.gridshift.aggregator.fleet.Presence;
import io.gridshift.aggregator.fleet.SiteView;
import io.gridshift.aggregator.fleet.Transport;
import io.gridshift.aggregator.mqtt.MqttIngressOptions;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.site.SiteId;
import io.gridshift.domain.time.ManualClock;
import io.gridshift.edge.Channel;
import io.gridshift.fixtures.mqtt.MosquittoBroker;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole node with real edge agents over MQTT: the embedded broker, and a real Mosquitto. */
class AggregatorMqttIT {
    static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir Path data;
    final ManualClock clock = new ManualClock(Agents.T0);
    AggregatorNode node;
    Agents agents;
    MosquittoBroker mosquitto;

    @AfterEach
    void stop() {
        if (agents != null) {
            agents.close();
        }
        if (node != null) {
            node.close();
        }
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    @Test
    void twoSitesReportAndAManualDispatchRunsThroughTheEmbeddedBroker() throws Exception {
        node = AggregatorNode.start(AggregatorOptions.ephemeral(), clock);
        fleetReportsAndADispatchIsAcked();
    }

    @Test
    void twoSitesReportAndAManualDispatchRunsThroughMosquitto() throws Exception {
        mosquitto = new MosquittoBroker();
        mosquitto.start();
        AggregatorOptions options = AggregatorOptions.ephemeral();
        node =
                AggregatorNode.start(
                        options.withMqtt(options.mqtt().withServer(URI.create(mosquitto.uri()))),
                        clock);
        fleetReportsAndADispatchIsAcked();
    }

    private void fleetReportsAndADispatchIsAcked() throws Exception {
        // GIVEN two real agents reporting through the node's broker
        agents = new Agents(clock, data);
        agents.mqtt("dc-sh-01", "CN-SH", node.mqttUri());
        agents.mqtt("dc-de-01", "DE", node.mqttUri());
        await().atMost(WAIT)
                .untilAsserted(
                        () -> {
                            agents.run(Duration.ofSeconds(5));
                            FleetSummary s = node.fleet().summary().toCompletableFuture().get();
                            assertThat(s.sitesOnline()).isEqualTo(2);
                            assertThat(s.zones()).containsOnlyKeys("CN-SH", "DE");
                            assertThat(s.flexKw()).isPositive();
                        });
        FleetSummary s = node.fleet().summary().toCompletableFuture().get();
        assertThat(s.loadKw()).as("two typical simulated sites").isBetween(5_000.0, 100_000.0);
        SiteView sh = site("dc-sh-01");
        assertThat(sh.transport()).isEqualTo(Transport.MQTT);
        assertThat(sh.agentVersion()).isEqualTo("it");
        assertThat(sh.latest().facilityKw()).isPositive();
        assertThat(sh.envelope().zone().code()).isEqualTo("CN-SH");

        // WHEN the operator dispatches 300 kW of batch work at dc-sh-01 from a minute on
        DispatchOrder order =
                Agents.holdBatch(
                        "d-e2e",
                        "dc-sh-01",
                        clock.instant().plusSeconds(60),
                        Duration.ofMinutes(30),
                        300);
        node.dispatch().issue(order).toCompletableFuture().get();

        // THEN the agent accepts it, acts at the start, and the node follows each ack
        await().atMost(WAIT).until(() -> state("d-e2e") == DispatchState.ACCEPTED);
        agents.run(Duration.ofSeconds(65));
        await().atMost(WAIT).until(() -> state("d-e2e") == DispatchState.ACTIVE);
        var view =
                node.dispatch()
                        .get(DispatchId.of("d-e2e"))
                        .toCompletableFuture()
                        .get()
                        .orElseThrow();
        assertThat(view.attempts()).isEqualTo(1);
        assertThat(view.lastAck().achievedKw()).isNotNull();
        assertThat(node.metrics().ackLatencyTimer().count()).isEqualTo(1);
        assertThat(node.metrics().ingestedCount(Transport.MQTT, Channel.TELEMETRY)).isPositive();
    }

    @Test
    void badPayloadsAreRefusedWithTheirReasonAndEveryOtherSiteGoesOn() throws Exception {
        node = AggregatorNode.start(AggregatorOptions.ephemeral().withSiteRate(20, 100), clock);
        MqttClient hostile = new MqttClient(node.mqttUri(), "hostile", new MemoryPersistence());
        MqttConnectionOptions o = new MqttConnectionOptions();
        hostile.connect(o);
        String prefix = MqttIngressOptions.defaults().topicPrefix() + "/sites/";
        try {
            publish(hostile, prefix + "dc-bad/telemetry", "{\"v\":1,\"site\":");
            publish(hostile, prefix + "dc-bad/telemetry", telemetry("dc-other", 1));
            publish(
                    hostile,
                    prefix + "dc-bad/telemetry",
                    telemetry("dc-bad", 1).replace("\"v\":1", "\"v\":2"));
            publish(hostile, prefix + "DC_BAD/telemetry", telemetry("dc-bad", 1));
            publish(
                    hostile,
                    prefix + "dc-bad/flex",
                    "{\"v\":1,\"site\":\"dc-bad\",\"zone\":\"DE\"}");
            for (int i = 0; i < 300; i++) {
                // a flood at QoS 0, as live telemetry travels
                publish(hostile, prefix + "dc-flood/telemetry", telemetry("dc-flood", i), 0);
            }
            publish(hostile, prefix + "dc-good/telemetry", telemetry("dc-good", 1));

            await().atMost(WAIT)
                    .untilAsserted(
                            () -> {
                                var m = node.metrics();
                                assertThat(m.rejectedCount("syntax")).isEqualTo(1);
                                assertThat(m.rejectedCount("site_mismatch")).isEqualTo(1);
                                assertThat(m.rejectedCount("version")).isEqualTo(1);
                                assertThat(m.rejectedCount("pattern")).isEqualTo(1);
                                assertThat(m.rejectedCount("required")).isEqualTo(1);
                                assertThat(m.rejectedCount("throttled"))
                                        .isGreaterThanOrEqualTo(150);
                                assertThat(
                                                node.fleet()
                                                        .site(SiteId.of("dc-good"))
                                                        .toCompletableFuture()
                                                        .get())
                                        .isPresent();
                            });
            assertThat(node.fleet().site(SiteId.of("dc-bad")).toCompletableFuture().get())
                    .isEmpty();
            assertThat(node.fleet().site(SiteId.of("dc-other")).toCompletableFuture().get())
                    .isEmpty();
            assertThat(node.metrics().scrape())
                    .contains(
                            "gridshift_rejected_messages_total{reason=\"site_mismatch\",transport=\"mqtt\"} 1.0");
        } finally {
            hostile.disconnect();
            hostile.close();
        }
    }

    @Test
    void aSiteThatFallsSilentGoesStaleAndLeavesTheFlexibility() throws Exception {
        // GIVEN a site (a bare MQTT client, so that it can fall silent) with an envelope
        node = AggregatorNode.start(AggregatorOptions.ephemeral(), clock);
        MqttClient site = new MqttClient(node.mqttUri(), "dc-quiet", new MemoryPersistence());
        site.connect(new MqttConnectionOptions());
        String prefix = MqttIngressOptions.defaults().topicPrefix() + "/sites/dc-quiet/";
        try {
            publish(site, prefix + "telemetry", telemetry("dc-quiet", 1));
            publish(site, prefix + "flex", envelope("dc-quiet"));
            await().atMost(WAIT)
                    .untilAsserted(
                            () ->
                                    assertThat(
                                                    node.fleet()
                                                            .summary()
                                                            .toCompletableFuture()
                                                            .get()
                                                            .flexKw())
                                            .isEqualTo(250));

            // WHEN it says nothing for longer than the stale limit
            clock.advance(node.fleet().options().staleAfter().plusSeconds(1));
            node.fleet().sweep();

            // THEN it is stale and adds nothing to the fleet, until it reports again
            assertThat(site("dc-quiet").presence()).isEqualTo(Presence.STALE);
            FleetSummary s = node.fleet().summary().toCompletableFuture().get();
            assertThat(s.sitesOnline()).isZero();
            assertThat(s.flexKw()).isZero();
            assertThat(s.sitesKnown()).isEqualTo(1);
            assertThat(node.metrics().scrape()).contains("gridshift_sites_online 0.0");
            publish(site, prefix + "telemetry", telemetry("dc-quiet", 2));
            await().atMost(WAIT).until(() -> site("dc-quiet").presence() == Presence.ONLINE);
        } finally {
            site.disconnect();
            site.close();
        }
    }

    private String envelope(String site) {
        return ("{\"v\":1,\"site\":\"%s\",\"ts\":\"%s\",\"validUntil\":\"%s\",\"zone\":\"DE\","
                        + "\"baselineKw\":1000,\"hostingCapacityKw\":0,\"resources\":[{\"id\":\"batch\","
                        + "\"kind\":\"DEFERRABLE_JOBS\",\"maxReductionKw\":250,\"maxDurationS\":3600,"
                        + "\"rampS\":60,\"costPerKwh\":0.01,\"reboundFactor\":1.0}]}")
                .formatted(site, clock.instant(), clock.instant().plusSeconds(600));
    }

    /** At QoS 1, so that each message surely reaches the node: the counts are exact. */
    private static void publish(MqttClient client, String topic, String payload) throws Exception {
        publish(client, topic, payload, 1);
    }

    private static void publish(MqttClient client, String topic, String payload, int qos)
            throws Exception {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), qos, false);
    }

    private static String telemetry(String site, long seq) {
        return "{\"v\":1,\"site\":\"%s\",\"seq\":%d,\"ts\":\"2026-07-01T06:00:05Z\",\"facilityKw\":1000,\"itKw\":800,\"gridImportKw\":1000,\"onsiteGenKw\":0}"
                .formatted(site, seq);
    }

    private SiteView site(String id) throws Exception {
        Optional<SiteView> v = node.fleet().site(SiteId.of(id)).toCompletableFuture().get();
        return v.orElseThrow();
    }

    private DispatchState state(String id) throws Exception {
        return node.dispatch()
                .get(DispatchId.of(id))
                .toCompletableFuture()
                .get()
                .map(v -> v.state())
                .orElse(null);
    }
}
