package io.gridshift.agent.transport.coap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridshift.agent.transport.BackoffPolicy;
import io.gridshift.agent.transport.Secret;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.SiteId;
import io.gridshift.edge.codec.EdgeFormat;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CoapTransportOptionsTest {
    private static final SiteId SITE = SiteId.of("dc-sh-01");

    @Test
    void defaultsAreTheDocumentedOnes() {
        CoapTransportOptions o =
                CoapTransportOptions.builder(SITE, URI.create("coap://agg.example:5683")).build();

        assertThat(o.cbor()).isFalse();
        assertThat(o.format()).isEqualTo(EdgeFormat.JSON);
        assertThat(o.secure()).isFalse();
        assertThat(o.observeLostTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(o.backoff()).isEqualTo(BackoffPolicy.defaults());
        assertThat(o.ackTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(o.maxRetransmit()).isEqualTo(4);
        assertThat(o.maxPayloadBytes()).isEqualTo(64 * 1024);
    }

    @Test
    void coapsNeedsAPskAndPlainCoapRefusesOne() {
        URI secure = URI.create("coaps://agg.example:5684");

        assertThatThrownBy(() -> CoapTransportOptions.builder(SITE, secure).build())
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith("pskIdentity:");
        assertThatThrownBy(
                        () ->
                                CoapTransportOptions.builder(SITE, secure)
                                        .psk("dc-sh-01", null)
                                        .build())
                .hasMessageStartingWith("pskSecret:");
        assertThatThrownBy(
                        () ->
                                CoapTransportOptions.builder(
                                                SITE, URI.create("coap://agg.example:5683"))
                                        .psk("dc-sh-01", Secret.of("k"))
                                        .build())
                .hasMessageStartingWith("pskIdentity:");

        CoapTransportOptions ok =
                CoapTransportOptions.builder(SITE, secure)
                        .psk("dc-sh-01", Secret.of("very-secret-key"))
                        .cbor(true)
                        .build();
        assertThat(ok.secure()).isTrue();
        assertThat(ok.format()).isEqualTo(EdgeFormat.CBOR);
        assertThat(ok.toString()).contains("dc-sh-01").doesNotContain("very-secret-key");
    }

    @Test
    void badValuesFailNamingTheField() {
        URI uri = URI.create("coap://agg.example:5683");
        assertThatThrownBy(
                        () ->
                                CoapTransportOptions.builder(SITE, uri)
                                        .observeLostTimeout(Duration.ofMillis(10))
                                        .build())
                .hasMessageStartingWith("observeLostTimeout:");
        assertThatThrownBy(() -> CoapTransportOptions.builder(SITE, uri).maxRetransmit(11).build())
                .hasMessageStartingWith("maxRetransmit:");
        assertThatThrownBy(
                        () ->
                                CoapTransportOptions.builder(SITE, uri)
                                        .ackTimeout(Duration.ZERO)
                                        .build())
                .hasMessageStartingWith("ackTimeout:");
        assertThatThrownBy(
                        () ->
                                CoapTransportOptions.builder(
                                                SITE, URI.create("coap://agg.example:5683/v1"))
                                        .build())
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith("aggregatorUri:");
        assertThatThrownBy(
                        () -> CoapTransportOptions.builder(SITE, URI.create("http://x:1")).build())
                .hasMessageStartingWith("aggregatorUri:");
    }
}
