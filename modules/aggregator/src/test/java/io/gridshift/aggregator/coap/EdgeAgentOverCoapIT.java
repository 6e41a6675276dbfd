package io.gridshift.aggregator.coap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gridshift.agent.AgentFolders;
import io.gridshift.agent.EdgeAgent;
import io.gridshift.agent.ReportingOptions;
import io.gridshift.agent.buffer.BufferOptions;
import io.gridshift.agent.sim.SimulatedDataCenter;
import io.gridshift.agent.sim.SimulatedResources;
import io.gridshift.agent.sim.SimulatedSiteOptions;
import io.gridshift.agent.transport.BackoffPolicy;
import io.gridshift.agent.transport.StatusPayloads;
import io.gridshift.agent.transport.coap.CoapTransport;
import io.gridshift.agent.transport.coap.CoapTransportOptions;
import io.gridshift.aggregator.dispatch.DispatchState;
import io.gridshift.aggregator.fleet.Transport;
import io.gridshift.domain.dispatch.DispatchAction;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import io.gridshift.edge.codec.EdgeCodec;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real edge agent (simulated site) against the real CoAP ingress: it reports, observes its
 * dispatch resource, receives an issued order as a notification, and its ACCEPTED ack moves the
 * order in the dispatch service. In JSON and in CBOR.
 */
class EdgeAgentOverCoapIT {
    private static final SiteId SITE = SiteId.of("dc-e2e-01");
    private static final BackoffPolicy FAST =
            new BackoffPolicy(Duration.ofMillis(50), Duration.ofMillis(500), 2.0);

    @TempDir Path data;

    private IngressNode node;
    private EdgeAgent agent;

    @BeforeEach
    void startNode() throws Exception {
        node = new IngressNode();
    }

    @AfterEach
    void stop() throws Exception {
        if (agent != null) {
            agent.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void anIssuedOrderReachesTheAgentAndItsAckMovesTheOrder(boolean cbor) throws Exception {
        Clock clock = Clock.systemUTC();
        CoapTransport transport =
                new CoapTransport(
                        CoapTransportOptions.builder(SITE, URI.create(node.uri()))
                                .cbor(cbor)
                                .backoff(FAST)
                                .build(),
                        StatusPayloads.of(
                                SITE, cbor ? EdgeCodec.cbor() : EdgeCodec.json(), clock, "e2e"));
        agent =
                new EdgeAgent(
                        SITE,
                        new SimulatedDataCenter(
                                SimulatedSiteOptions.typical(SITE, GridZone.of("CN-SH"), 42),
                                clock.instant()),
                        transport,
                        clock,
                        new AgentFolders(data, BufferOptions.defaults()),
                        ReportingOptions.defaults(),
                        io.gridshift.agent.dispatch.DispatchOptions.defaults());
        agent.start();

        await().atMost(IngressNode.WAIT).until(() -> node.coap.observers(SITE) == 1);
        await().atMost(IngressNode.WAIT)
                .until(() -> node.site(SITE.value()).map(s -> s.latest() != null).orElse(false));
        assertThat(node.site(SITE.value()).orElseThrow().transport()).isEqualTo(Transport.COAP);

        String id = cbor ? "d-e2e-cbor" : "d-e2e-json";
        node.issue(holdBatch(id, 100));

        await().atMost(IngressNode.WAIT).until(() -> node.state(id) == DispatchState.ACCEPTED);
    }

    /** An order to hold {@code kw} of batch work, from in a minute for ten minutes. */
    private static DispatchOrder holdBatch(String id, double kw) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant start = now.plusSeconds(60);
        return new DispatchOrder(
                DispatchId.of(id),
                1,
                null,
                SITE,
                now,
                start,
                start.plus(Duration.ofMinutes(10)),
                List.of(new DispatchAction.Reduce(SimulatedResources.BATCH, kw)));
    }
}
