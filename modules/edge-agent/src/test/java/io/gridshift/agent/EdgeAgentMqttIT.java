package io.gridshift.agent;

import static io.gridshift.agent.AgentHarness.SITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gridshift.domain.dispatch.Ack;
import io.gridshift.domain.dispatch.AckStatus;
import io.gridshift.domain.dispatch.DispatchAction;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.site.SiteId;
import io.gridshift.domain.site.SiteStatus.Availability;
import io.gridshift.domain.time.ManualClock;
import io.gridshift.edge.codec.EdgeCodec;
import io.gridshift.fixtures.mqtt.EmbeddedHiveMqBroker;
import io.gridshift.fixtures.mqtt.MosquittoBroker;
import io.gridshift.fixtures.mqtt.MqttBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent end to end over MQTT: a simulated site, a real transport, real brokers. */
class EdgeAgentMqttIT {
    static final Duration WAIT = Duration.ofSeconds(20);
    static MqttBroker hivemq;

    @TempDir Path data;
    ManualClock clock = new ManualClock(AgentHarness.T0);
    AgentHarness harness;
    TestAggregator aggregator;
    MosquittoBroker mosquitto;

    @BeforeAll
    static void startHiveMq() {
        hivemq = new EmbeddedHiveMqBroker();
        hivemq.start();
    }

    @AfterAll
    static void stopHiveMq() {
        hivemq.close();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (harness != null && harness.agent != null) {
            harness.agent.close();
        }
        if (aggregator != null) {
            aggregator.close();
        }
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    @Test
    void anOrderRunsItsWholeLifeThroughTheEmbeddedBroker() throws Exception {
        orderLifecycle(hivemq);
    }

    @Test
    void anOrderRunsItsWholeLifeThroughMosquitto() throws Exception {
        mosquitto = new MosquittoBroker();
        mosquitto.start();
        orderLifecycle(mosquitto);
    }

    private void orderLifecycle(MqttBroker broker) throws Exception {
        // GIVEN an agent reporting through the broker
        aggregator = new TestAggregator(broker.uri()).connect();
        harness = new AgentHarness(clock, data, broker.uri(), 0);
        harness.start();
        await().atMost(WAIT)
                .until(
                        () ->
                                aggregator.statuses.stream()
                                        .anyMatch(s -> s.availability() == Availability.ONLINE));
        await().atMost(WAIT).until(() -> !aggregator.envelopes.isEmpty());
        harness.run(Duration.ofSeconds(15));
        await().atMost(WAIT).until(() -> aggregator.telemetry.size() >= 3);
        assertThat(aggregator.telemetry.get(0).site()).isEqualTo(SITE);
        assertThat(aggregator.telemetry.get(0).facilityKw()).isBetween(5_000.0, 20_000.0);

        // WHEN the aggregator orders 300 kW of batch work held for 30 minutes from a minute on
        DispatchOrder order =
                AgentHarness.holdBatch(
                        "d-life", 1, clock.instant().plusSeconds(60), Duration.ofMinutes(30), 300);
        aggregator.send(order);

        // THEN the site accepts it, acts at the start with a measured reduction, and reverts at end
        awaitAck(order, AckStatus.ACCEPTED);
        harness.run(Duration.ofSeconds(65));
        Ack active = awaitAck(order, AckStatus.ACTIVE);
        assertThat(active.achievedKw()).isNotNull();
        assertThat(harness.adapter.applies(order)).isEqualTo(1);
        harness.run(Duration.ofMinutes(30));
        awaitAck(order, AckStatus.COMPLETED);
        assertThat(harness.adapter.isReverted(order)).isTrue();
        assertThat(
                        aggregator.telemetry.stream()
                                .anyMatch(t -> order.id().equals(t.activeDispatch())))
                .as("telemetry names the active order")
                .isTrue();
    }

    @Test
    void bufferedTelemetryArrivesCompleteAndInOrderAfterTheBrokerWasKilled() throws Exception {
        // GIVEN an agent on Mosquitto sending telemetry at QoS 1, and an active order
        mosquitto = new MosquittoBroker();
        mosquitto.start();
        aggregator = new TestAggregator(mosquitto.uri(), "aggregator-outage").connect();
        harness = new AgentHarness(clock, data, mosquitto.uri(), 1);
        harness.start();
        await().atMost(WAIT).until(harness.transport::isConnected);
        DispatchOrder order =
                AgentHarness.holdBatch(
                        "d-outage", 1, clock.instant().plusSeconds(10), Duration.ofHours(1), 200);
        aggregator.send(order);
        awaitAck(order, AckStatus.ACCEPTED);
        harness.run(Duration.ofSeconds(30));
        awaitAck(order, AckStatus.ACTIVE);

        // WHEN the broker is killed, the site keeps reading for five minutes, and the broker
        // returns
        mosquitto.awaitSavedAfter(Instant.now());
        aggregator.close();
        mosquitto.stop();
        await().atMost(WAIT).until(() -> !harness.transport.isConnected());
        harness.run(Duration.ofMinutes(5));
        assertThat(harness.agent.stats().bufferedNow()).isGreaterThanOrEqualTo(60);
        mosquitto.start();
        aggregator = new TestAggregator(mosquitto.uri(), "aggregator-outage").connect();
        await().atMost(WAIT).until(harness.transport::isConnected);
        harness.run(Duration.ofSeconds(10));

        // THEN every reading arrives, in sequence, and the order was applied once
        await().atMost(WAIT)
                .until(
                        () ->
                                harness.agent.stats().bufferedNow() == 0
                                        && aggregator.telemetry.size() >= 62);
        var seqs = aggregator.sequence();
        long first = seqs.get(0);
        assertThat(seqs)
                .as("no gap, no duplicate, in order")
                .containsExactlyElementsOf(
                        LongStream.range(first, first + seqs.size()).boxed().toList());
        aggregator.send(order);
        awaitAck(order, AckStatus.ACTIVE);
        assertThat(harness.adapter.applies(order))
                .as("a re-sent order is not applied twice")
                .isEqualTo(1);
    }

    @Test
    void theAgentRevertsAtTheEndWhenTheLinkIsGone() throws Exception {
        // GIVEN an active order
        mosquitto = new MosquittoBroker();
        mosquitto.start();
        aggregator = new TestAggregator(mosquitto.uri(), "aggregator-alone").connect();
        harness = new AgentHarness(clock, data, mosquitto.uri(), 0);
        harness.start();
        await().atMost(WAIT).until(harness.transport::isConnected);
        DispatchOrder order =
                AgentHarness.holdBatch(
                        "d-alone", 1, clock.instant().plusSeconds(5), Duration.ofMinutes(10), 200);
        aggregator.send(order);
        awaitAck(order, AckStatus.ACCEPTED);
        harness.run(Duration.ofSeconds(10));
        awaitAck(order, AckStatus.ACTIVE);

        // WHEN the broker dies and the order's end passes
        mosquitto.awaitSavedAfter(Instant.now());
        aggregator.close();
        mosquitto.stop();
        await().atMost(WAIT).until(() -> !harness.transport.isConnected());
        harness.run(Duration.ofMinutes(10));

        // THEN the site is back to normal by the agent's own clock, and the aggregator hears of it
        assertThat(harness.adapter.isReverted(order)).isTrue();
        mosquitto.start();
        aggregator = new TestAggregator(mosquitto.uri(), "aggregator-alone").connect();
        await().atMost(WAIT).until(harness.transport::isConnected);
        harness.agent.cycleNow();
        awaitAck(order, AckStatus.COMPLETED);
    }

    @Test
    void anAgentRestartedMidOrderRecoversItAndStillRevertsOnTime() throws Exception {
        // GIVEN an active order
        aggregator = new TestAggregator(hivemq.uri()).connect();
        harness = new AgentHarness(clock, data, hivemq.uri(), 0);
        harness.start();
        DispatchOrder order =
                AgentHarness.holdBatch(
                        "d-restart",
                        1,
                        clock.instant().plusSeconds(5),
                        Duration.ofMinutes(20),
                        200);
        aggregator.send(order);
        awaitAck(order, AckStatus.ACCEPTED);
        harness.run(Duration.ofSeconds(10));
        awaitAck(order, AckStatus.ACTIVE);

        // WHEN the agent stops (reverting for safety) and starts again over the same data folder
        harness.agent.close();
        harness.start();

        // THEN it holds the order again, and reverts it at its end
        harness.agent.cycleNow();
        assertThat(harness.adapter.applies(order)).isEqualTo(1);
        assertThat(harness.adapter.isReverted(order)).isFalse();
        harness.run(Duration.ofMinutes(20));
        assertThat(harness.adapter.isReverted(order)).isTrue();
        awaitAck(order, AckStatus.COMPLETED);
    }

    @Test
    void badOrdersAreRefusedAndTheAgentKeepsRunning() throws Exception {
        aggregator = new TestAggregator(hivemq.uri()).connect();
        harness = new AgentHarness(clock, data, hivemq.uri(), 0);
        harness.start();
        await().atMost(WAIT).until(harness.transport::isConnected);

        // a payload that is not an order at all: counted, nothing acked
        aggregator.publish(SITE, "{\"v\":1,\"dispatchId\":".getBytes(StandardCharsets.UTF_8));
        await().atMost(WAIT).until(() -> !harness.agent.stats().rejectedPayloads().isEmpty());

        // a payload over the transport's limit (256 KiB): dropped before decoding, counted
        aggregator.publish(SITE, new byte[300 * 1024]);
        await().atMost(WAIT)
                .until(() -> harness.agent.stats().rejectedPayloads().containsKey("too_large"));

        // an order for another site on this site's topic: refused, nothing applied
        DispatchOrder foreign =
                new DispatchOrder(
                        DispatchId.of("d-foreign"),
                        1,
                        null,
                        SiteId.of("dc-other"),
                        clock.instant(),
                        clock.instant().plusSeconds(60),
                        clock.instant().plusSeconds(600),
                        List.of(new DispatchAction.Reduce("batch", 10)));
        aggregator.publish(SITE, EdgeCodec.json().encode(foreign));
        await().atMost(WAIT)
                .until(() -> harness.agent.stats().rejectedOrders().containsKey("site_mismatch"));
        assertThat(harness.adapter.calls).isEmpty();

        // an order for the wrong resource: refused with the reason, nothing applied
        DispatchOrder unknown =
                new DispatchOrder(
                        DispatchId.of("d-unknown"),
                        1,
                        null,
                        SITE,
                        clock.instant(),
                        clock.instant().plusSeconds(60),
                        clock.instant().plusSeconds(600),
                        List.of(new DispatchAction.Reduce("nope", 10)));
        aggregator.send(unknown);
        Ack refused = awaitAck(unknown, AckStatus.REJECTED);
        assertThat(refused.reason()).startsWith("unknown_resource");

        // a stale revision after a newer one: refused as stale
        DispatchOrder v2 =
                AgentHarness.holdBatch(
                        "d-rev", 2, clock.instant().plusSeconds(60), Duration.ofMinutes(5), 100);
        DispatchOrder v1 =
                AgentHarness.holdBatch(
                        "d-rev", 1, clock.instant().plusSeconds(60), Duration.ofMinutes(5), 100);
        aggregator.send(v2);
        awaitAck(v2, AckStatus.ACCEPTED);
        aggregator.send(v1);
        assertThat(awaitAck(v1, AckStatus.REJECTED).reason()).startsWith("stale_revision");

        // and the agent still reports
        int seen = aggregator.telemetry.size();
        harness.run(Duration.ofSeconds(10));
        await().atMost(WAIT).until(() -> aggregator.telemetry.size() > seen);
        assertThat(harness.agent.stats().rejectedOrders())
                .containsKeys("unknown_resource", "stale_revision");
    }

    private Ack awaitAck(DispatchOrder order, AckStatus status) {
        await("ack " + status + " of " + order.id() + "#" + order.revision())
                .atMost(WAIT)
                .until(() -> findAck(order, status) != null);
        return findAck(order, status);
    }

    private Ack findAck(DispatchOrder order, AckStatus status) {
        return aggregator.acks.stream()
                .filter(
                        a ->
                                a.dispatchId().equals(order.id())
                                        && a.revision() == order.revision()
                                        && a.status() == status)
                .findFirst()
                .orElse(null);
    }
}
