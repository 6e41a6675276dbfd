package io.gridshift.agent.transport.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridshift.agent.transport.BackoffPolicy;
import io.gridshift.agent.transport.Secret;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.SiteId;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.junit.jupiter.api.Test;

class MqttTransportOptionsTest {
    private static final SiteId SITE = SiteId.of("dc-sh-01");
    private static final URI BROKER = URI.create("tcp://broker.example:1883");

    @Test
    void defaultsAreTheDocumentedOnes() {
        MqttTransportOptions o = MqttTransportOptions.builder(SITE, BROKER).build();

        assertThat(o.clientId()).isEqualTo("gridshift-agent-dc-sh-01");
        assertThat(o.sessionExpiry()).isEqualTo(Duration.ofHours(1));
        assertThat(o.keepAlive()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.telemetryQos()).isZero();
        assertThat(o.backoff()).isEqualTo(BackoffPolicy.defaults());
        assertThat(o.topicPrefix()).isEqualTo("gridshift/v1");
        assertThat(o.maxPayloadBytes()).isEqualTo(256 * 1024);
        assertThat(o.username()).isNull();
        assertThat(o.password()).isNull();
        assertThat(o.tls()).isNull();
        assertThat(o.topics().topic(SITE, io.gridshift.edge.Channel.TELEMETRY))
                .isEqualTo("gridshift/v1/sites/dc-sh-01/telemetry");
    }

    @Test
    void badValuesFailNamingTheField() {
        assertField(b -> b.telemetryQos(2), "telemetryQos");
        assertField(b -> b.keepAlive(Duration.ZERO), "keepAlive");
        assertField(b -> b.sessionExpiry(Duration.ofSeconds(-1)), "sessionExpiry");
        assertField(b -> b.connectTimeout(null), "connectTimeout");
        assertField(b -> b.topicPrefix("gridshift/+/v1"), "topicPrefix");
        assertField(b -> b.clientId(""), "clientId");
        assertField(b -> b.maxPayloadBytes(10), "maxPayloadBytes");
        assertField(b -> b.backoff(null), "backoff");
        assertThatThrownBy(
                        () -> MqttTransportOptions.builder(SITE, URI.create("http://x:80")).build())
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith("serverUri:");
        assertThatThrownBy(
                        () -> MqttTransportOptions.builder(SITE, URI.create("tcp://host")).build())
                .hasMessageStartingWith("serverUri:");
    }

    @Test
    void thePasswordNeverAppearsInToStringButReachesPaho() {
        MqttTransportOptions o =
                MqttTransportOptions.builder(SITE, BROKER)
                        .credentials("agent", Secret.of("correct-horse"))
                        .build();

        assertThat(o.toString()).contains("agent").doesNotContain("correct-horse");

        MqttConnectionOptions paho =
                MqttConnectOptions.of(
                        o, "gridshift/v1/sites/dc-sh-01/status", "{}".getBytes(), null);
        assertThat(paho.getUserName()).isEqualTo("agent");
        assertThat(new String(paho.getPassword(), StandardCharsets.UTF_8))
                .isEqualTo("correct-horse");
    }

    @Test
    void pahoGetsAPersistentSessionAWillAndNoAutomaticReconnect() {
        MqttTransportOptions o =
                MqttTransportOptions.builder(SITE, BROKER)
                        .sessionExpiry(Duration.ofMinutes(10))
                        .keepAlive(Duration.ofSeconds(15))
                        .build();

        MqttConnectionOptions paho =
                MqttConnectOptions.of(o, "p/sites/dc-sh-01/status", "OFF".getBytes(), null);

        assertThat(paho.isCleanStart()).isFalse();
        assertThat(paho.getSessionExpiryInterval()).isEqualTo(600L);
        assertThat(paho.getKeepAliveInterval()).isEqualTo(15);
        assertThat(paho.isAutomaticReconnect()).isFalse();
        assertThat(paho.getWillDestination()).isEqualTo("p/sites/dc-sh-01/status");
        assertThat(paho.getWillMessage().getPayload()).isEqualTo("OFF".getBytes());
        assertThat(paho.getWillMessage().getQos()).isEqualTo(1);
        assertThat(paho.getWillMessage().isRetained()).isTrue();
    }

    @Test
    void tlsFilesMustBeReadable() {
        assertThatThrownBy(() -> TlsFiles.trusting(Path.of("/no/such/truststore.p12"), null))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith("trustStore:");
        assertThatThrownBy(
                        () ->
                                new TlsFiles(
                                        null,
                                        null,
                                        Path.of("pom.xml"),
                                        null,
                                        TlsFiles.DEFAULT_STORE_TYPE,
                                        true))
                .hasMessageStartingWith("keyStorePassword:");
    }

    private static void assertField(
            java.util.function.Consumer<MqttTransportOptions.Builder> change, String field) {
        MqttTransportOptions.Builder builder = MqttTransportOptions.builder(SITE, BROKER);
        change.accept(builder);
        assertThatThrownBy(builder::build)
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith(field + ":")
                .satisfies(e -> assertThat(((InvalidFieldException) e).field()).isEqualTo(field));
    }
}
