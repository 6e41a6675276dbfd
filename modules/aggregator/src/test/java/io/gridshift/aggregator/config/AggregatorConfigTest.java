package io.gridshift.aggregator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridshift.aggregator.AggregatorOptions;
import io.gridshift.domain.error.InvalidFieldException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AggregatorConfigTest {
    @TempDir Path dir;

    @Test
    void noFileGivesTheDocumentedSingleNodeDefaults() {
        AggregatorOptions o = AggregatorConfig.options(AggregatorConfig.load(null, Map.of()));
        AggregatorOptions d = AggregatorOptions.defaults();
        assertThat(o.cluster()).isEqualTo(d.cluster());
        assertThat(o.mqtt().server()).isNull();
        assertThat(o.mqtt().embeddedPort()).isEqualTo(1883);
        assertThat(o.coapPort()).isEqualTo(5683);
        assertThat(o.httpPort()).isEqualTo(8080);
        assertThat(o.fleet()).isEqualTo(d.fleet());
        assertThat(o.dispatch()).isEqualTo(d.dispatch());
        assertThat(o.siteRate()).isEqualTo(d.siteRate());
        assertThat(o.ven()).as("no VTN named, no VEN").isNull();
    }

    @Test
    void aVtnUrlTurnsTheVenOn() {
        AggregatorOptions o =
                AggregatorConfig.options(
                        AggregatorConfig.load(
                                null,
                                Map.of(
                                        "GRIDSHIFT_AGGREGATOR_VEN_VTN_URL",
                                        "https://vtn.example:8443",
                                        "GRIDSHIFT_AGGREGATOR_VEN_POLL_S",
                                        "30")));
        assertThat(o.ven().vtnUrl()).isEqualTo(URI.create("https://vtn.example:8443"));
        assertThat(o.ven().venName()).isEqualTo("gridshift");
        assertThat(o.ven().venId()).isNull();
        assertThat(o.ven().pollInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.ven().service("OadrPoll").toString())
                .isEqualTo("https://vtn.example:8443/OpenADR2/Simple/2.0b/OadrPoll");
    }

    @Test
    void aFileAndTheEnvironmentMakeAClusterNodeOnAnExternalBroker() throws Exception {
        Path file = dir.resolve("aggregator.properties");
        Path secret = dir.resolve("mqtt.pw");
        Files.writeString(secret, "s3cret\n");
        Files.writeString(
                file,
                """
                cluster.host=10.0.0.5
                cluster.members=10.0.0.6:5701, 10.0.0.7:5701
                mqtt.server=tcp://broker:1883
                mqtt.username=aggregator
                mqtt.passwordFile=%s
                fleet.staleAfterS=60
                """
                        .formatted(secret));
        AggregatorOptions o =
                AggregatorConfig.options(
                        AggregatorConfig.load(
                                file, Map.of("GRIDSHIFT_AGGREGATOR_HTTP_PORT", "9090")));
        assertThat(o.cluster().host()).isEqualTo("10.0.0.5");
        assertThat(o.cluster().members()).isEqualTo(List.of("10.0.0.6:5701", "10.0.0.7:5701"));
        assertThat(o.mqtt().server()).isEqualTo(URI.create("tcp://broker:1883"));
        assertThat(new String(o.mqtt().password())).isEqualTo("s3cret");
        assertThat(o.mqtt().toString()).doesNotContain("s3cret");
        assertThat(o.fleet().staleAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(o.httpPort()).isEqualTo(9090);
    }

    @Test
    void aBadValueOrAnUnknownKeyIsRefusedNamingTheKey() throws Exception {
        Path file = dir.resolve("bad.properties");
        Files.writeString(file, "coap.port=70000\n");
        assertThatThrownBy(() -> AggregatorConfig.options(AggregatorConfig.load(file, Map.of())))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class,
                        e -> assertThat(e.getMessage()).contains("coap.port").contains("range"));
        Files.writeString(file, "coap.prot=5683\n");
        assertThatThrownBy(() -> AggregatorConfig.load(file, Map.of()))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("coap.prot");
    }

    @Test
    void theOptionTableListsEveryOptionWithItsEnvironmentVariable() {
        String table = AggregatorConfig.table();
        for (var option : AggregatorConfig.all()) {
            assertThat(table).contains("`" + option.key() + "`");
        }
        assertThat(table).contains("GRIDSHIFT_AGGREGATOR_MQTT_SERVER");
        assertThat(table).contains("`ven.vtnUrl`");
    }
}
