package io.gridshift.agent.transport.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gridshift.agent.transport.BackoffPolicy;
import io.gridshift.agent.transport.EdgeTransport.OutboundChannel;
import io.gridshift.agent.transport.RecordingListener;
import io.gridshift.agent.transport.StatusPayloads;
import io.gridshift.agent.transport.TransportErrors;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.site.SiteId;
import io.gridshift.domain.site.SiteStatus.Availability;
import io.gridshift.edge.Channel;
import io.gridshift.edge.EdgeTopics;
import io.gridshift.edge.codec.EdgeCodec;
import io.gridshift.fixtures.mqtt.EmbeddedHiveMqBroker;
import io.gridshift.fixtures.mqtt.MosquittoBroker;
import io.gridshift.fixtures.mqtt.MqttBroker;
import io.gridshift.fixtures.net.TcpProxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The MQTT transport against two real brokers: HiveMQ embedded (what the aggregator embeds) and a
 * Mosquitto process (a broker nobody here wrote). One broker of each kind serves the whole class.
 */
class MqttTransportIT {
    private static final EdgeCodec CODEC = EdgeCodec.json();
    private static final AtomicInteger SITES = new AtomicInteger();
    private static final EdgeTopics TOPICS = EdgeTopics.defaults();

    private static EmbeddedHiveMqBroker hiveMq;
    private static MosquittoBroker mosquitto;

    private final Deque<AutoCloseable> cleanup = new ArrayDeque<>();

    @BeforeAll
    static void startBrokers() {
        Awaitility.setDefaultTimeout(Duration.ofSeconds(20));
        Awaitility.setDefaultPollInterval(Duration.ofMillis(20));
        hiveMq = new EmbeddedHiveMqBroker();
        hiveMq.start();
        mosquitto = new MosquittoBroker();
        mosquitto.start();
    }

    @AfterAll
    static void stopBrokers() {
        hiveMq.close();
        mosquitto.close();
    }

    @AfterEach
    void closeAll() throws Exception {
        // last opened, first closed
        while (!cleanup.isEmpty()) {
            cleanup.pop().close();
        }
    }

    static Stream<Arguments> brokers() {
        return Stream.of(Arguments.of("hivemq", hiveMq), Arguments.of("mosquitto", mosquitto));
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("brokers")
    void telemetryAndFlexArriveOnTheirTopicsAndTheStatusIsRetainedOnline(
            String name, MqttBroker broker) throws Exception {
        SiteId site = newSite(name);
        TopicRecorder seen = subscribe(broker, TOPICS.prefix() + "/sites/" + site + "/#");
        RecordingListener listener = new RecordingListener();
        MqttTransport transport = transport(site, broker.uri(), b -> {});

        // WHEN the agent connects and sends a reading and an envelope
        transport.start(listener);
        await().until(() -> listener.connects().equals(List.of(false)));
        transport.send(OutboundChannel.TELEMETRY, bytes("{\"seq\":1}")).join();
        transport.send(OutboundChannel.FLEX, bytes("{\"flex\":1}")).join();

        // THEN each arrives on its channel's topic, telemetry at QoS 0 and flex at QoS 1
        await().until(() -> !seen.on(topic(site, Channel.FLEX)).isEmpty());
        TopicRecorder.Received telemetry = seen.on(topic(site, Channel.TELEMETRY)).get(0);
        assertThat(text(telemetry.payload())).isEqualTo("{\"seq\":1}");
        assertThat(telemetry.qos()).isZero();
        TopicRecorder.Received flex = seen.on(topic(site, Channel.FLEX)).get(0);
        assertThat(text(flex.payload())).isEqualTo("{\"flex\":1}");
        assertThat(flex.qos()).isEqualTo(1);

        // AND a subscriber that comes later finds the retained status ONLINE
        TopicRecorder late = subscribe(broker, topic(site, Channel.STATUS));
        await().until(() -> !late.on(topic(site, Channel.STATUS)).isEmpty());
        TopicRecorder.Received status = late.on(topic(site, Channel.STATUS)).get(0);
        assertThat(status.retained()).isTrue();
        assertThat(CODEC.decodeStatus(status.payload()).availability())
                .isEqualTo(Availability.ONLINE);
        assertThat(CODEC.decodeStatus(status.payload()).site()).isEqualTo(site);

        // AND a clean close says OFFLINE itself (no will needed) and stays closed
        transport.close();
        await().until(() -> availabilities(late, site).contains(Availability.OFFLINE));
        assertThat(listener.disconnects()).isEmpty();
        assertThat(reason(transport.send(OutboundChannel.TELEMETRY, bytes("{}"))))
                .isEqualTo(TransportErrors.CLOSED);
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("brokers")
    void aDispatchFromTheAggregatorReachesTheListenerAsRawBytes(String name, MqttBroker broker)
            throws MqttException {
        SiteId site = newSite(name);
        EdgeTopics tenant = new EdgeTopics("acme/gridshift/v1");
        RecordingListener listener = new RecordingListener();
        MqttTransport transport =
                transport(
                        site,
                        broker.uri(),
                        b -> b.topicPrefix(tenant.prefix()).maxPayloadBytes(1024));
        transport.start(listener);
        await().until(transport::isConnected);
        MqttClient aggregator = client(broker, "agg-" + site);

        // an order larger than the agent accepts is dropped, not handed over
        aggregator.publish(tenant.topic(site, Channel.DISPATCH), new byte[2048], 1, false);
        // a dispatch for another site is not this agent's business
        aggregator.publish(
                tenant.topic(SiteId.of("other-" + site), Channel.DISPATCH), bytes("{}"), 1, false);
        aggregator.publish(
                tenant.topic(site, Channel.DISPATCH), bytes("{\"dispatchId\":\"d-1\"}"), 1, false);

        await().until(() -> listener.dispatches().contains("{\"dispatchId\":\"d-1\"}"));
        assertThat(listener.dispatches()).containsExactly("{\"dispatchId\":\"d-1\"}");
        assertThat(listener.dispatchCbor()).containsExactly(false);
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("brokers")
    void cuttingTheLinkFiresTheWillAndTheAgentReconnectsWhenItIsBack(String name, MqttBroker broker)
            throws Exception {
        SiteId site = newSite(name);
        TcpProxy proxy = closing(new TcpProxy(broker.port()).start());
        TopicRecorder seen = subscribe(broker, topic(site, Channel.STATUS));
        RecordingListener listener = new RecordingListener();
        MqttTransport transport = transport(site, proxy.uri(), b -> {});
        transport.start(listener);
        await().until(() -> availabilities(seen, site).contains(Availability.ONLINE));

        // WHEN the link is cut (no DISCONNECT reaches the broker)
        proxy.cut();

        // THEN the broker publishes the will: the site is OFFLINE
        await().until(() -> availabilities(seen, site).contains(Availability.OFFLINE));
        // AND the agent knows, and sends fail at once instead of hanging
        await().until(() -> listener.disconnects().size() == 1);
        assertThat(transport.isConnected()).isFalse();
        CompletableFuture<Void> whileDown = transport.send(OutboundChannel.FLEX, bytes("{}"));
        assertThat(whileDown).isCompletedExceptionally();
        assertThat(reason(whileDown)).isEqualTo(TransportErrors.DISCONNECTED);

        // WHEN the link comes back THEN the agent reconnects by itself and says ONLINE again
        proxy.restore();
        await().until(() -> listener.connects().equals(List.of(false, true)));
        await().untilAsserted(
                        () ->
                                assertThat(availabilities(seen, site))
                                        .endsWith(
                                                Availability.ONLINE,
                                                Availability.OFFLINE,
                                                Availability.ONLINE));
        transport.send(OutboundChannel.ACK, bytes("{\"ack\":1}")).get(10, TimeUnit.SECONDS);
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("brokers")
    void theAgentReconnectsAfterTheBrokerIsKilledAndRestartedAndStillGetsDispatches(
            String name, MqttBroker broker) throws Exception {
        SiteId site = newSite(name);
        RecordingListener listener = new RecordingListener();
        MqttTransport transport = transport(site, broker.uri(), b -> {});
        transport.start(listener);
        await().until(transport::isConnected);

        // WHEN the broker dies (Mosquitto: SIGKILL) and comes back on the same port
        broker.stop();
        await().until(() -> listener.disconnects().size() == 1);
        broker.start();

        // THEN the agent reconnects, subscribes again if the broker lost its session, and
        // receives orders published after the restart
        await().until(() -> listener.connects().equals(List.of(false, true)));
        MqttClient aggregator = client(broker, "agg-" + site);
        await().until(
                        () -> {
                            aggregator.publish(
                                    topic(site, Channel.DISPATCH),
                                    bytes("{\"after\":\"restart\"}"),
                                    1,
                                    false);
                            return listener.dispatches().contains("{\"after\":\"restart\"}");
                        });
        transport.send(OutboundChannel.FLEX, bytes("{}")).get(10, TimeUnit.SECONDS);
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("brokers")
    void aDispatchPublishedWhileTheAgentIsOfflineArrivesAfterItReconnects(
            String name, MqttBroker broker) throws Exception {
        SiteId site = newSite(name);
        TcpProxy proxy = closing(new TcpProxy(broker.port()).start());
        RecordingListener listener = new RecordingListener();
        MqttTransport transport = transport(site, proxy.uri(), b -> {});
        transport.start(listener);
        await().until(transport::isConnected);

        // GIVEN the agent is cut off
        proxy.cut();
        await().until(() -> listener.disconnects().size() == 1);

        // WHEN the aggregator publishes an order at QoS 1 meanwhile
        client(broker, "agg-" + site)
                .publish(topic(site, Channel.DISPATCH), bytes("{\"while\":\"away\"}"), 1, false);

        // THEN the broker keeps it in the agent's session and delivers it after reconnect
        proxy.restore();
        await().until(() -> listener.connects().equals(List.of(false, true)));
        await().until(() -> listener.dispatches().contains("{\"while\":\"away\"}"));
    }

    @ParameterizedTest(name = "{0}", autoCloseArguments = false)
    @MethodSource("brokers")
    void aBurstOfQos1TelemetryBeyondTheBrokersReceiveMaximumIsAllAcknowledged(
            String name, MqttBroker broker) throws Exception {
        SiteId site = newSite(name);
        TopicRecorder seen = subscribe(broker, topic(site, Channel.TELEMETRY));
        MqttTransport transport = transport(site, broker.uri(), b -> b.telemetryQos(1));
        transport.start(new RecordingListener());
        await().until(transport::isConnected);

        // WHEN a replayed backlog goes out at once (HiveMQ's receive maximum is 10)
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            sends.add(transport.send(OutboundChannel.TELEMETRY, bytes("{\"seq\":" + i + "}")));
        }

        // THEN every send completes on its PUBACK and every reading arrives, at QoS 1, in order
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
        await().until(() -> seen.on(topic(site, Channel.TELEMETRY)).size() == 300);
        List<TopicRecorder.Received> got = seen.on(topic(site, Channel.TELEMETRY));
        assertThat(got).allMatch(r -> r.qos() == 1);
        assertThat(text(got.get(299).payload())).isEqualTo("{\"seq\":299}");
    }

    // --- helpers ---

    private MqttTransport transport(
            SiteId site,
            String uri,
            java.util.function.Consumer<MqttTransportOptions.Builder> tweak) {
        MqttTransportOptions.Builder b =
                MqttTransportOptions.builder(site, URI.create(uri))
                        .backoff(
                                new BackoffPolicy(
                                        Duration.ofMillis(50), Duration.ofMillis(500), 2.0))
                        .connectTimeout(Duration.ofSeconds(3))
                        .keepAlive(Duration.ofSeconds(5));
        tweak.accept(b);
        MqttTransport transport =
                new MqttTransport(
                        b.build(),
                        StatusPayloads.of(site, CODEC, Clock.systemUTC(), "it"),
                        new SplittableRandom(7));
        cleanup.push(transport);
        return transport;
    }

    private TopicRecorder subscribe(MqttBroker broker, String filter) throws MqttException {
        TopicRecorder recorder = new TopicRecorder();
        MqttClient client = client(broker, "sub-" + SITES.incrementAndGet());
        client.setCallback(recorder);
        client.subscribe(new MqttSubscription[] {new MqttSubscription(filter, 1)});
        return recorder;
    }

    private MqttClient client(MqttBroker broker, String clientId) throws MqttException {
        MqttClient client = new MqttClient(broker.uri(), clientId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        options.setConnectionTimeout(10);
        client.connect(options);
        cleanup.push(
                () -> {
                    if (client.isConnected()) {
                        client.disconnectForcibly(0, 0, false);
                    }
                    client.close(true);
                });
        return client;
    }

    private <T extends AutoCloseable> T closing(T closeable) {
        cleanup.push(closeable);
        return closeable;
    }

    private static List<Availability> availabilities(TopicRecorder seen, SiteId site) {
        return seen.on(topic(site, Channel.STATUS)).stream()
                .map(r -> CODEC.decodeStatus(r.payload()).availability())
                .toList();
    }

    private static SiteId newSite(String broker) {
        return SiteId.of("it-" + broker + "-" + SITES.incrementAndGet());
    }

    private static String topic(SiteId site, Channel channel) {
        return TOPICS.topic(site, channel);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] payload) {
        return new String(payload, StandardCharsets.UTF_8);
    }

    private static String reason(CompletableFuture<Void> future) {
        return future.handle((ok, e) -> e instanceof GridshiftException g ? g.reason() : "none")
                .join();
    }
}
