package io.gridshift.agent.transport.coap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gridshift.agent.transport.BackoffPolicy;
import io.gridshift.agent.transport.EdgeTransport.OutboundChannel;
import io.gridshift.agent.transport.RecordingListener;
import io.gridshift.agent.transport.Secret;
import io.gridshift.agent.transport.StatusPayloads;
import io.gridshift.agent.transport.TransportErrors;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.site.SiteId;
import io.gridshift.domain.site.SiteStatus.Availability;
import io.gridshift.edge.Channel;
import io.gridshift.edge.codec.EdgeCodec;
import io.gridshift.edge.codec.EdgeFormat;
import io.gridshift.fixtures.coap.CoapEdgeServer;
import io.gridshift.fixtures.coap.ReceivedRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The CoAP transport against a real Californium server with the edge protocol's resources. */
class CoapTransportIT {
    private static final AtomicInteger SITES = new AtomicInteger();
    private static final EdgeCodec JSON = EdgeCodec.json();

    private static CoapEdgeServer server;

    private final Deque<AutoCloseable> cleanup = new ArrayDeque<>();

    @BeforeAll
    static void startServer() {
        Awaitility.setDefaultTimeout(Duration.ofSeconds(20));
        Awaitility.setDefaultPollInterval(Duration.ofMillis(20));
        server = new CoapEdgeServer().start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void closeAll() throws Exception {
        while (!cleanup.isEmpty()) {
            cleanup.pop().close();
        }
    }

    @Test
    void eachChannelUsesItsMethodAndMessageTypeAndTheStatusSaysOnlineThenOffline()
            throws Exception {
        SiteId site = newSite();
        RecordingListener listener = new RecordingListener();
        CoapTransport transport = transport(site, server.uri(), b -> {});

        transport.start(listener);
        await().until(() -> listener.connects().equals(List.of(false)));
        transport.send(OutboundChannel.TELEMETRY, bytes("{\"seq\":1}")).get(5, TimeUnit.SECONDS);
        transport.send(OutboundChannel.FLEX, bytes("{\"flex\":1}")).get(5, TimeUnit.SECONDS);
        transport.send(OutboundChannel.ACK, bytes("{\"ack\":1}")).get(5, TimeUnit.SECONDS);

        // THEN telemetry is a NON POST, flex and ack CON POSTs, all JSON (content-format 50)
        await().until(() -> !server.received(site.value(), Channel.TELEMETRY).isEmpty());
        assertOne(site, Channel.TELEMETRY, "POST", Channel.CoapType.NON, "{\"seq\":1}");
        assertOne(site, Channel.FLEX, "POST", Channel.CoapType.CON, "{\"flex\":1}");
        assertOne(site, Channel.ACK, "POST", Channel.CoapType.CON, "{\"ack\":1}");

        // AND the transport said ONLINE by a CON PUT on connect, and OFFLINE on close
        transport.close();
        List<ReceivedRequest> status = server.received(site.value(), Channel.STATUS);
        assertThat(status).extracting(ReceivedRequest::method).containsOnly("PUT");
        assertThat(status).extracting(ReceivedRequest::type).containsOnly(Channel.CoapType.CON);
        assertThat(status)
                .extracting(r -> JSON.decodeStatus(r.payload()).availability())
                .containsExactly(Availability.ONLINE, Availability.OFFLINE);
        assertThat(reason(transport.send(OutboundChannel.FLEX, bytes("{}"))))
                .isEqualTo(TransportErrors.CLOSED);
    }

    @Test
    void pushedDispatchesReachTheListenerOnceEachInOrder() {
        SiteId site = newSite();
        RecordingListener listener = new RecordingListener();
        CoapTransport transport = transport(site, server.uri(), b -> {});
        transport.start(listener);
        await().until(() -> server.observers(site.value()) == 1);
        await().until(transport::isConnected);

        server.push(site.value(), "{\"dispatchId\":\"d-1\"}");
        await().until(() -> listener.dispatches().size() == 1);
        server.push(site.value(), "{\"dispatchId\":\"d-2\"}");
        // the same state again is no new order
        server.push(site.value(), "{\"dispatchId\":\"d-2\"}");
        server.push(site.value(), "{\"dispatchId\":\"d-3\"}");

        await().until(() -> listener.dispatches().size() == 3);
        assertThat(listener.dispatches())
                .containsExactly(
                        "{\"dispatchId\":\"d-1\"}",
                        "{\"dispatchId\":\"d-2\"}",
                        "{\"dispatchId\":\"d-3\"}");
        assertThat(listener.dispatchCbor()).containsOnly(false);
    }

    @Test
    void afterTheServerStopsAndStartsTheAgentRegistersAgainAndGetsNewOrders() {
        SiteId site = newSite();
        RecordingListener listener = new RecordingListener();
        CoapTransport transport = transport(site, server.uri(), b -> {});
        transport.start(listener);
        // the node counts the observer before the agent has its answer: wait for both
        await().until(() -> server.observers(site.value()) == 1);
        await().until(transport::isConnected);

        // WHEN the node goes away: the silent observation is renewed, unanswered, and lost
        server.stop();
        await().until(() -> listener.disconnects().size() == 1);
        assertThat(transport.isConnected()).isFalse();
        CompletableFuture<Void> whileDown = transport.send(OutboundChannel.FLEX, bytes("{}"));
        assertThat(whileDown).isCompletedExceptionally();
        assertThat(reason(whileDown)).isEqualTo(TransportErrors.DISCONNECTED);

        // AND comes back on the same port, having forgotten its observers
        server.start();

        // THEN the agent registers again by itself and receives what is pushed next
        await().until(() -> listener.connects().equals(List.of(false, true)));
        await().until(() -> server.observers(site.value()) == 1);
        server.push(site.value(), "{\"after\":\"restart\"}");
        await().until(() -> listener.dispatches().contains("{\"after\":\"restart\"}"));
    }

    @Test
    void aConfirmableMessageThatGoesUnansweredTakesTheLinkDownUntilTheNodeIsBack() {
        SiteId site = newSite();
        RecordingListener listener = new RecordingListener();
        // a long silence period: only the failed exchange can tell that the node is gone
        CoapTransport transport =
                transport(site, server.uri(), b -> b.observeLostTimeout(Duration.ofMinutes(5)));
        transport.start(listener);
        // the node counts the observer before the agent has its answer: wait for both
        await().until(() -> server.observers(site.value()) == 1);
        await().until(transport::isConnected);

        server.stop();
        CompletableFuture<Void> flex = transport.send(OutboundChannel.FLEX, bytes("{\"f\":1}"));

        await().until(flex::isDone);
        assertThat(reason(flex)).isEqualTo(TransportErrors.TIMEOUT);
        await().until(() -> listener.disconnects().size() == 1);
        assertThat(transport.isConnected()).isFalse();

        server.start();
        await().until(() -> listener.connects().equals(List.of(false, true)));
        await().until(() -> server.observers(site.value()) == 1);
    }

    @Test
    void withCborPayloadsGoAsContentFormat60AndDispatchesAreMarkedCbor() throws Exception {
        SiteId site = newSite();
        RecordingListener listener = new RecordingListener();
        CoapTransport transport = transport(site, server.uri(), b -> b.cbor(true));
        transport.start(listener);
        // the node counts the observer before the agent has its answer: wait for both
        await().until(() -> server.observers(site.value()) == 1);
        await().until(transport::isConnected);

        byte[] cborFlex = {(byte) 0xa1, 0x61, 0x76, 0x01}; // {"v": 1}
        transport.send(OutboundChannel.FLEX, cborFlex).get(5, TimeUnit.SECONDS);
        server.push(site.value(), new byte[] {(byte) 0xa1, 0x61, 0x76, 0x02}, EdgeFormat.CBOR);

        assertThat(server.received(site.value(), Channel.FLEX).get(0).contentFormat())
                .isEqualTo(60);
        assertThat(server.received(site.value(), Channel.FLEX).get(0).payload())
                .isEqualTo(cborFlex);
        await().until(() -> listener.dispatchCbor().equals(List.of(true)));
        assertThat(listener.dispatchBytes().get(0)).containsExactly(0xa1, 0x61, 0x76, 0x02);

        // AND an order the node holds as JSON reaches this agent as CBOR, as it asked
        server.push(site.value(), "{\"v\":3}");
        await().until(() -> listener.dispatchCbor().equals(List.of(true, true)));
        // {"v": 3} as Jackson's streaming CBOR writer puts it: an indefinite-length map
        assertThat(listener.dispatchBytes().get(1)).containsExactly(0xbf, 0x61, 0x76, 0x03, 0xff);
    }

    @Test
    void overDtlsWithTheRightPreSharedKeyEverythingWorksAndTheNodeSeesTheIdentity()
            throws Exception {
        SiteId site = newSite();
        CoapEdgeServer dtls = closing(CoapEdgeServer.withPsk(site.value(), bytes("psk-" + site)));
        dtls.start();
        RecordingListener listener = new RecordingListener();
        CoapTransport transport =
                transport(site, dtls.uri(), b -> b.psk(site.value(), Secret.of("psk-" + site)));
        transport.start(listener);
        await().until(() -> listener.connects().equals(List.of(false)));

        transport.send(OutboundChannel.TELEMETRY, bytes("{\"seq\":7}")).get(5, TimeUnit.SECONDS);
        dtls.push(site.value(), "{\"over\":\"dtls\"}");

        await().until(() -> !dtls.received(site.value(), Channel.TELEMETRY).isEmpty());
        ReceivedRequest telemetry = dtls.received(site.value(), Channel.TELEMETRY).get(0);
        assertThat(telemetry.text()).isEqualTo("{\"seq\":7}");
        assertThat(telemetry.identity()).isEqualTo(site.value());
        await().until(() -> listener.dispatches().equals(List.of("{\"over\":\"dtls\"}")));

        // AND after the node restarts (losing its DTLS sessions) the agent shakes hands again
        dtls.stop();
        await().until(() -> listener.disconnects().size() == 1);
        dtls.start();
        await().until(() -> listener.connects().equals(List.of(false, true)));
        transport.send(OutboundChannel.ACK, bytes("{\"ack\":2}")).get(5, TimeUnit.SECONDS);
    }

    @Test
    void overDtlsAWrongPreSharedKeyIsRefusedAndNothingGetsThrough() {
        SiteId site = newSite();
        CoapEdgeServer dtls = closing(CoapEdgeServer.withPsk(site.value(), bytes("the-right-key")));
        dtls.start();
        RecordingListener listener = new RecordingListener();
        CoapTransport transport =
                transport(site, dtls.uri(), b -> b.psk(site.value(), Secret.of("a-wrong-key")));

        transport.start(listener);

        // THEN every handshake fails, the agent is told why, and keeps trying with back-off
        await().until(() -> listener.failedAttempts().size() >= 2);
        // (Scandium drops the records it cannot authenticate, so the handshake times out)
        assertThat(listener.failedAttempts().get(0)).hasStackTraceContaining("Handshake");
        assertThat(listener.connects()).isEmpty();
        assertThat(transport.isConnected()).isFalse();
        assertThat(dtls.received()).isEmpty();
        assertThat(dtls.observers(site.value())).isZero();
        assertThat(reason(transport.send(OutboundChannel.TELEMETRY, bytes("{}"))))
                .isEqualTo(TransportErrors.DISCONNECTED);
    }

    // --- helpers ---

    private CoapTransport transport(
            SiteId site, String uri, Consumer<CoapTransportOptions.Builder> tweak) {
        CoapTransportOptions.Builder b =
                CoapTransportOptions.builder(site, URI.create(uri))
                        .backoff(
                                new BackoffPolicy(
                                        Duration.ofMillis(50), Duration.ofMillis(500), 2.0))
                        .ackTimeout(Duration.ofMillis(100))
                        .maxRetransmit(2)
                        .observeLostTimeout(Duration.ofSeconds(1));
        tweak.accept(b);
        CoapTransport transport =
                new CoapTransport(
                        b.build(),
                        StatusPayloads.of(site, JSON, Clock.systemUTC(), "it"),
                        new SplittableRandom(11));
        cleanup.push(transport);
        return transport;
    }

    private <T extends AutoCloseable> T closing(T closeable) {
        cleanup.push(closeable);
        return closeable;
    }

    private static void assertOne(
            SiteId site, Channel channel, String method, Channel.CoapType type, String body) {
        List<ReceivedRequest> got = server.received(site.value(), channel);
        assertThat(got).hasSize(1);
        assertThat(got.get(0).method()).isEqualTo(method);
        assertThat(got.get(0).type()).isEqualTo(type);
        assertThat(got.get(0).contentFormat()).isEqualTo(50);
        assertThat(got.get(0).text()).isEqualTo(body);
        assertThat(got.get(0).identity()).isNull();
    }

    private static SiteId newSite() {
        return SiteId.of("coap-it-" + SITES.incrementAndGet());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String reason(CompletableFuture<Void> future) {
        return future.handle((ok, e) -> e instanceof GridshiftException g ? g.reason() : "none")
                .join();
    }
}
