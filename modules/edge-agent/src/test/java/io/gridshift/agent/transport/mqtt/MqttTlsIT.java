package io.gridshift.agent.transport.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gridshift.agent.transport.BackoffPolicy;
import io.gridshift.agent.transport.EdgeTransport.OutboundChannel;
import io.gridshift.agent.transport.RecordingListener;
import io.gridshift.agent.transport.Secret;
import io.gridshift.agent.transport.StatusPayloads;
import io.gridshift.domain.site.SiteId;
import io.gridshift.edge.Channel;
import io.gridshift.edge.EdgeTopics;
import io.gridshift.edge.codec.EdgeCodec;
import io.gridshift.fixtures.mqtt.SecureMosquittoBroker;
import io.gridshift.fixtures.tls.TlsMaterial;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The MQTT transport against a broker set up as in production: TLS with client certificates and a
 * password, from the key store files of {@link TlsFiles}.
 */
class MqttTlsIT {
    private static final SiteId SITE = SiteId.of("dc-tls-01");
    private static final Secret STORE_PASSWORD = Secret.of(TlsMaterial.STORE_PASSWORD);

    private static TlsMaterial tls;
    private static SecureMosquittoBroker broker;

    private final Deque<AutoCloseable> cleanup = new ArrayDeque<>();

    @BeforeAll
    static void startBroker() {
        Awaitility.setDefaultTimeout(Duration.ofSeconds(20));
        tls = TlsMaterial.create(SITE.value());
        broker = new SecureMosquittoBroker(tls, "agent", "s3cret-pass");
        broker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
        tls.close();
    }

    @AfterEach
    void closeAll() throws Exception {
        while (!cleanup.isEmpty()) {
            cleanup.pop().close();
        }
    }

    @Test
    void withTheRightFilesAndPasswordMessagesFlowBothWays() throws Exception {
        RecordingListener listener = new RecordingListener();
        MqttTransport transport = transport(mutualTls(), "s3cret-pass");
        TopicRecorder aggregatorSees = new TopicRecorder();
        MqttClient aggregator = aggregator(aggregatorSees);
        String flexTopic = EdgeTopics.defaults().topic(SITE, Channel.FLEX);
        aggregator.subscribe(new MqttSubscription[] {new MqttSubscription(flexTopic, 1)});

        transport.start(listener);
        await().until(() -> listener.connects().equals(List.of(false)));
        transport.send(OutboundChannel.FLEX, bytes("{\"over\":\"tls\"}")).get(10, TimeUnit.SECONDS);
        aggregator.publish(
                EdgeTopics.defaults().topic(SITE, Channel.DISPATCH), bytes("{\"d\":1}"), 1, false);

        await().until(() -> aggregatorSees.on(flexTopic).size() == 1);
        assertThat(
                        new String(
                                aggregatorSees.on(flexTopic).get(0).payload(),
                                StandardCharsets.UTF_8))
                .isEqualTo("{\"over\":\"tls\"}");
        await().until(() -> listener.dispatches().equals(List.of("{\"d\":1}")));
    }

    @Test
    void aWrongPasswordIsRefusedAndReportedAsAFailedAttempt() {
        RecordingListener listener = new RecordingListener();
        transport(mutualTls(), "wrong-pass").start(listener);

        await().until(() -> listener.failedAttempts().size() >= 2);
        assertThat(listener.connects()).isEmpty();
        // Paho: "Bad user name or password" (0x86) or "Not authorized" (0x87)
        assertThat(listener.failedAttempts().get(0).getMessage())
                .containsAnyOf("134", "135", "user", "authori");
    }

    @Test
    void withoutAClientCertificateTheHandshakeFails() {
        RecordingListener listener = new RecordingListener();
        transport(TlsFiles.trusting(tls.trustStore(), STORE_PASSWORD), "s3cret-pass")
                .start(listener);

        await().until(() -> listener.failedAttempts().size() >= 2);
        assertThat(listener.connects()).isEmpty();
    }

    @Test
    void aBrokerWhoseCaIsNotTrustedIsRefused() {
        RecordingListener listener = new RecordingListener();
        // the client certificate, but the JVM's default trust, which lacks the test CA
        TlsFiles noTrust =
                new TlsFiles(
                        null,
                        null,
                        tls.clientKeyStore(),
                        STORE_PASSWORD,
                        TlsFiles.DEFAULT_STORE_TYPE,
                        true);
        transport(noTrust, "s3cret-pass").start(listener);

        await().until(() -> listener.failedAttempts().size() >= 2);
        assertThat(listener.connects()).isEmpty();
        assertThat(listener.failedAttempts().get(0))
                .hasStackTraceContaining("SSLHandshakeException");
    }

    private TlsFiles mutualTls() {
        return TlsFiles.trusting(tls.trustStore(), STORE_PASSWORD)
                .withKeyStore(tls.clientKeyStore(), STORE_PASSWORD);
    }

    private MqttTransport transport(TlsFiles files, String password) {
        MqttTransportOptions options =
                MqttTransportOptions.builder(SITE, URI.create(broker.uri()))
                        .tls(files)
                        .credentials("agent", Secret.of(password))
                        .connectTimeout(Duration.ofSeconds(3))
                        .backoff(
                                new BackoffPolicy(
                                        Duration.ofMillis(50), Duration.ofMillis(300), 2.0))
                        .build();
        MqttTransport transport =
                new MqttTransport(
                        options,
                        StatusPayloads.of(SITE, EdgeCodec.json(), Clock.systemUTC(), "it"),
                        new SplittableRandom(3));
        cleanup.push(transport);
        return transport;
    }

    private MqttClient aggregator(TopicRecorder recorder) throws Exception {
        MqttClient client = new MqttClient(broker.uri(), "aggregator", new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setSocketFactory(mutualTls().socketFactory());
        options.setUserName("agent");
        options.setPassword(bytes("s3cret-pass"));
        client.setCallback(recorder);
        client.connect(options);
        cleanup.push(
                () -> {
                    client.disconnectForcibly(0, 0, false);
                    client.close(true);
                });
        return client;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
