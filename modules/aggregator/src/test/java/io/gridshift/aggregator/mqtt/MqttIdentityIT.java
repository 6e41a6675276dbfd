package io.gridshift.aggregator.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gridshift.aggregator.AggregatorNode;
import io.gridshift.aggregator.AggregatorOptions;
import io.gridshift.domain.site.SiteId;
import io.gridshift.edge.SiteCheck;
import io.gridshift.fixtures.mqtt.AclMosquittoBroker;
import io.gridshift.fixtures.tls.TlsMaterial;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Per-site identity over MQTT: a real Mosquitto on TLS with a password per site and the ACL
 * template from {@code deploy/mosquitto/acl.conf}, and a real aggregator node behind it. A site
 * reports as itself; publishing on another site's topic, subscribing to its orders, and naming
 * another site in the payload are each refused, by the broker or by the aggregator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MqttIdentityIT {
    private static final Path ACL = Path.of("../../deploy/mosquitto/acl.conf");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TOPICS = "gridshift/v1/sites/";

    private TlsMaterial tls;
    private AclMosquittoBroker broker;
    private AggregatorNode node;
    private SSLContext trust;

    @BeforeAll
    void start() throws Exception {
        assertThat(ACL).as("the ACL template in deploy/").exists();
        tls = TlsMaterial.create("unused");
        broker =
                new AclMosquittoBroker(
                        tls,
                        ACL,
                        Map.of(
                                "gridshift-aggregator", "agg-pass-1",
                                "dc-a", "pass-of-a",
                                "dc-b", "pass-of-b"));
        broker.start();
        AggregatorOptions o = AggregatorOptions.ephemeral();
        MqttIngressOptions m = o.mqtt();
        node =
                AggregatorNode.start(
                        o.withMqtt(
                                new MqttIngressOptions(
                                        URI.create(broker.plainUri()),
                                        m.embeddedHost(),
                                        m.embeddedPort(),
                                        1,
                                        m.shareGroup(),
                                        m.topicPrefix(),
                                        "gridshift-aggregator",
                                        "agg-pass-1".toCharArray())),
                        Clock.systemUTC());
        trust = trustingTheTestCa();
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.close();
        }
        if (broker != null) {
            broker.close();
        }
        if (tls != null) {
            tls.close();
        }
    }

    @Test
    void aSiteReportsAsItselfButCannotSpeakForOrListenToAnother() throws Exception {
        MqttAsyncClient b = site("dc-b", "pass-of-b");
        try {
            // GIVEN site b reports as itself: filed
            publish(b, "dc-b", telemetry("dc-b", 1));
            await().atMost(WAIT).until(() -> seq("dc-b").orElse(-1L) == 1);

            // WHEN it publishes on site a's topic: the broker refuses it (not authorised)
            IMqttToken spoof = b.publish(TOPICS + "dc-a/telemetry", message(telemetry("dc-a", 7)));
            spoof.waitForCompletion(10_000);
            assertThat(spoof.getReasonCodes()).containsExactly(0x87);
            // Paho v5 drops the connection on a refused QoS 1 PUBACK: the site connects again
            MqttAsyncClient dropped = b;
            await().atMost(WAIT).until(() -> !dropped.isConnected());
            dropped.close();
            b = site("dc-b", "pass-of-b");

            // WHEN it names site a in a payload on its own topic: the aggregator refuses it
            double mismatches = node.metrics().rejectedCount(SiteCheck.SITE_MISMATCH);
            publish(b, "dc-b", telemetry("dc-a", 8));
            await().atMost(WAIT)
                    .until(
                            () ->
                                    node.metrics().rejectedCount(SiteCheck.SITE_MISMATCH)
                                            == mismatches + 1);

            // WHEN it subscribes to site a's orders: Mosquitto 2.0 grants the subscription but
            // delivers nothing the ACL denies; an order for a reaches a only
            java.util.List<String> bSees = new java.util.concurrent.CopyOnWriteArrayList<>();
            java.util.List<String> aSees = new java.util.concurrent.CopyOnWriteArrayList<>();
            b.setCallback(new Recorder(bSees));
            subscribe(b, TOPICS + "dc-a/dispatch");
            subscribe(b, TOPICS + "dc-b/dispatch");
            MqttAsyncClient a = site("dc-a", "pass-of-a");
            a.setCallback(new Recorder(aSees));
            subscribe(a, TOPICS + "dc-a/dispatch");
            MqttAsyncClient agg =
                    new MqttAsyncClient(broker.plainUri(), "agg-test", new MemoryPersistence());
            MqttConnectionOptions ao = new MqttConnectionOptions();
            ao.setUserName("gridshift-aggregator");
            ao.setPassword("agg-pass-1".getBytes(StandardCharsets.UTF_8));
            agg.connect(ao).waitForCompletion(10_000);
            agg.publish(TOPICS + "dc-a/dispatch", message("order-for-a")).waitForCompletion(10_000);
            agg.publish(TOPICS + "dc-b/dispatch", message("order-for-b")).waitForCompletion(10_000);
            await().atMost(WAIT).until(() -> aSees.contains("order-for-a"));
            await().atMost(WAIT).until(() -> bSees.contains("order-for-b"));
            assertThat(bSees).containsExactly("order-for-b");
            agg.disconnect().waitForCompletion(5_000);
            agg.close();
            a.disconnect().waitForCompletion(5_000);
            a.close();

            // THEN site a has nothing, and b's own reading after all this is filed
            publish(b, "dc-b", telemetry("dc-b", 2));
            await().atMost(WAIT).until(() -> seq("dc-b").orElse(-1L) == 2);
            assertThat(
                            node.fleet()
                                    .site(SiteId.of("dc-a"))
                                    .toCompletableFuture()
                                    .get(10, TimeUnit.SECONDS))
                    .isEmpty();
        } finally {
            if (b.isConnected()) {
                b.disconnect().waitForCompletion(5_000);
            }
            b.close();
        }
    }

    @Test
    void aWrongPasswordOrNoTlsTrustGetsNoConnection() throws Exception {
        MqttAsyncClient c =
                new MqttAsyncClient(broker.uri(), "dc-a-wrong", new MemoryPersistence());
        assertThat(connectFails(c, options("dc-a", "guess"))).isTrue();
        c.close();
        MqttAsyncClient right =
                new MqttAsyncClient(broker.uri(), "dc-a-right", new MemoryPersistence());
        assertThat(connectFails(right, options("dc-a", "pass-of-a"))).isFalse();
        right.disconnect().waitForCompletion(5_000);
        right.close();
    }

    private static void subscribe(MqttAsyncClient c, String topic) throws Exception {
        c.subscribe(
                        new MqttSubscription[] {new MqttSubscription(topic, 1)},
                        null,
                        null,
                        new MqttProperties())
                .waitForCompletion(10_000);
    }

    /** Records the payloads a client receives. */
    private record Recorder(java.util.List<String> seen)
            implements org.eclipse.paho.mqttv5.client.MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            seen.add(new String(message.getPayload(), StandardCharsets.UTF_8));
        }

        @Override
        public void disconnected(org.eclipse.paho.mqttv5.client.MqttDisconnectResponse r) {}

        @Override
        public void mqttErrorOccurred(org.eclipse.paho.mqttv5.common.MqttException e) {}

        @Override
        public void deliveryComplete(org.eclipse.paho.mqttv5.client.IMqttToken token) {}

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {}

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {}
    }

    private static boolean connectFails(MqttAsyncClient c, MqttConnectionOptions o) {
        try {
            c.connect(o).waitForCompletion(10_000);
            return false;
        } catch (Exception e) {
            return true;
        }
    }

    private Optional<Long> seq(String site) throws Exception {
        return node.fleet()
                .site(SiteId.of(site))
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS)
                .map(s -> s.latest() == null ? -1L : s.latest().seq());
    }

    private MqttAsyncClient site(String user, String password) throws Exception {
        MqttAsyncClient c =
                new MqttAsyncClient(broker.uri(), user + "-test", new MemoryPersistence());
        c.connect(options(user, password)).waitForCompletion(10_000);
        return c;
    }

    private MqttConnectionOptions options(String user, String password) {
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setUserName(user);
        o.setPassword(password.getBytes(StandardCharsets.UTF_8));
        o.setSocketFactory(trust.getSocketFactory());
        o.setConnectionTimeout(10);
        o.setAutomaticReconnect(false);
        return o;
    }

    private static void publish(MqttAsyncClient c, String site, String json) throws Exception {
        c.publish(TOPICS + site + "/telemetry", message(json)).waitForCompletion(10_000);
    }

    private static MqttMessage message(String json) {
        MqttMessage m = new MqttMessage(json.getBytes(StandardCharsets.UTF_8));
        m.setQos(1);
        return m;
    }

    private static String telemetry(String site, long seq) {
        return "{\"v\":1,\"site\":\""
                + site
                + "\",\"seq\":"
                + seq
                + ",\"ts\":\""
                + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                + "\",\"facilityKw\":1000.0,\"itKw\":800.0,\"gridImportKw\":1000.0,"
                + "\"onsiteGenKw\":0}";
    }

    private SSLContext trustingTheTestCa() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(tls.trustStore())) {
            store.load(in, TlsMaterial.STORE_PASSWORD.toCharArray());
        }
        TrustManagerFactory tmf =
                TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
