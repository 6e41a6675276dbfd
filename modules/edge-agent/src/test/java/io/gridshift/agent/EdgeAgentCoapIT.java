package io.gridshift.agent;

import static io.gridshift.agent.AgentHarness.SITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gridshift.agent.transport.StatusPayloads;
import io.gridshift.agent.transport.coap.CoapTransport;
import io.gridshift.agent.transport.coap.CoapTransportOptions;
import io.gridshift.domain.dispatch.Ack;
import io.gridshift.domain.dispatch.AckStatus;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.meter.Telemetry;
import io.gridshift.domain.time.ManualClock;
import io.gridshift.edge.Channel;
import io.gridshift.edge.codec.EdgeCodec;
import io.gridshift.edge.codec.EdgeCodecOptions;
import io.gridshift.edge.codec.EdgeFormat;
import io.gridshift.fixtures.coap.CoapEdgeServer;
import io.gridshift.fixtures.coap.ReceivedRequest;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The agent end to end over CoAP, JSON and CBOR, against a Californium server. */
class EdgeAgentCoapIT {
    static final Duration WAIT = Duration.ofSeconds(20);
    static CoapEdgeServer server;

    @TempDir Path data;
    ManualClock clock = new ManualClock(AgentHarness.T0);
    AgentHarness harness;

    @BeforeAll
    static void start() {
        server = new CoapEdgeServer().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void tearDown() {
        if (harness != null && harness.agent != null) {
            harness.agent.close();
        }
    }

    @ParameterizedTest
    @EnumSource(EdgeFormat.class)
    void anOrderPushedOverObserveRunsItsWholeLife(EdgeFormat format) {
        // GIVEN an agent on CoAP in this format
        EdgeCodec codec = EdgeCodec.of(format, EdgeCodecOptions.defaults());
        harness =
                new AgentHarness(
                        clock,
                        data,
                        () ->
                                new CoapTransport(
                                        CoapTransportOptions.builder(SITE, URI.create(server.uri()))
                                                .cbor(format == EdgeFormat.CBOR)
                                                .backoff(AgentHarness.FAST_BACKOFF)
                                                .build(),
                                        StatusPayloads.of(SITE, codec, clock, "test")));
        int before = server.received(SITE.value(), Channel.TELEMETRY).size();
        harness.start();
        await().atMost(WAIT).until(() -> server.observers(SITE.value()) > 0);

        // WHEN it reports and an order is pushed to its observed dispatch resource
        harness.run(Duration.ofSeconds(15));
        await().atMost(WAIT)
                .until(() -> server.received(SITE.value(), Channel.TELEMETRY).size() >= before + 3);
        List<ReceivedRequest> telemetry = server.received(SITE.value(), Channel.TELEMETRY);
        ReceivedRequest last = telemetry.get(telemetry.size() - 1);
        assertThat(last.type()).isEqualTo(Channel.CoapType.NON);
        assertThat(last.contentFormat()).isEqualTo(format.coapContentFormat());
        Telemetry reading = codec.decodeTelemetry(last.payload());
        assertThat(reading.site()).isEqualTo(SITE);
        await().atMost(WAIT).until(() -> !server.received(SITE.value(), Channel.FLEX).isEmpty());

        DispatchOrder order =
                AgentHarness.holdBatch(
                        "d-coap-" + format.name().toLowerCase(Locale.ROOT),
                        1,
                        clock.instant().plusSeconds(30),
                        Duration.ofMinutes(15),
                        250);
        server.push(SITE.value(), codec.encode(order), format);

        // THEN it is acked (CON) through accepted, active and completed
        awaitAck(codec, order, AckStatus.ACCEPTED);
        harness.run(Duration.ofSeconds(35));
        assertThat(awaitAck(codec, order, AckStatus.ACTIVE).achievedKw()).isNotNull();
        harness.run(Duration.ofMinutes(15));
        awaitAck(codec, order, AckStatus.COMPLETED);
        assertThat(harness.adapter.applies(order)).isEqualTo(1);
        assertThat(harness.adapter.isReverted(order)).isTrue();
        assertThat(server.received(SITE.value(), Channel.ACK))
                .allSatisfy(r -> assertThat(r.type()).isEqualTo(Channel.CoapType.CON));
    }

    private Ack awaitAck(EdgeCodec codec, DispatchOrder order, AckStatus status) {
        await("ack " + status).atMost(WAIT).until(() -> findAck(codec, order, status) != null);
        return findAck(codec, order, status);
    }

    private static Ack findAck(EdgeCodec codec, DispatchOrder order, AckStatus status) {
        return server.received(SITE.value(), Channel.ACK).stream()
                .filter(r -> r.contentFormat() == codec.format().coapContentFormat())
                .map(r -> codec.decodeAck(r.payload()))
                .filter(a -> a.dispatchId().equals(order.id()) && a.status() == status)
                .findFirst()
                .orElse(null);
    }
}
