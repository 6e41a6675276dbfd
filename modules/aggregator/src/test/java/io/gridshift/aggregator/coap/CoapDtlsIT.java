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
import io.gridshift.agent.transport.Secret;
import io.gridshift.agent.transport.StatusPayloads;
import io.gridshift.agent.transport.coap.CoapTransport;
import io.gridshift.agent.transport.coap.CoapTransportOptions;
import io.gridshift.aggregator.dispatch.DispatchState;
import io.gridshift.domain.dispatch.DispatchAction;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import io.gridshift.edge.SiteCheck;
import io.gridshift.edge.codec.EdgeCodec;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CoAP ingress over DTLS with a pre-shared key per site, against real DTLS peers: the edge
 * agent's Scandium client and libcoap's {@code coap-client-openssl}. A site's key opens only its
 * own resources; a wrong key gets no session; plain CoAP gets nothing.
 */
class CoapDtlsIT {
    private static final Path OPENSSL_CLIENT = Path.of("/usr/bin/coap-client-openssl");
    private static final Path PLAIN_CLIENT = Path.of("/usr/bin/coap-client-notls");
    private static final String KEY_A = "site-a-secret-0123456789";
    private static final String KEY_B = "site-b-secret-9876543210";
    private static final BackoffPolicy FAST =
            new BackoffPolicy(Duration.ofMillis(50), Duration.ofMillis(500), 2.0);

    @TempDir Path dir;

    private final List<Process> processes = new ArrayList<>();
    private IngressNode node;
    private EdgeAgent agent;

    @BeforeEach
    void start() throws Exception {
        node = new IngressNode(CoapDtlsOptions.parse("dc-a:" + KEY_A + "\ndc-b:" + KEY_B + "\n"));
    }

    @AfterEach
    void stop() throws Exception {
        for (Process p : processes) {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        if (agent != null) {
            agent.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void theAgentWithItsSiteKeyReportsObservesAndAcksOverDtls() throws Exception {
        SiteId site = SiteId.of("dc-a");
        Clock clock = Clock.systemUTC();
        CoapTransport transport =
                new CoapTransport(
                        CoapTransportOptions.builder(site, URI.create(node.uri()))
                                .psk("dc-a", Secret.of(KEY_A))
                                .backoff(FAST)
                                .build(),
                        StatusPayloads.of(site, EdgeCodec.json(), clock, "dtls"));
        agent =
                new EdgeAgent(
                        site,
                        new SimulatedDataCenter(
                                SimulatedSiteOptions.typical(site, GridZone.of("DE"), 7),
                                clock.instant()),
                        transport,
                        clock,
                        new AgentFolders(dir.resolve("agent"), BufferOptions.defaults()),
                        ReportingOptions.defaults(),
                        io.gridshift.agent.dispatch.DispatchOptions.defaults());
        agent.start();

        await().atMost(IngressNode.WAIT).until(() -> node.coap.observers(site) == 1);
        await().atMost(IngressNode.WAIT)
                .until(() -> node.site("dc-a").map(s -> s.latest() != null).orElse(false));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        node.issue(
                new DispatchOrder(
                        DispatchId.of("d-dtls-1"),
                        1,
                        null,
                        site,
                        now,
                        now.plusSeconds(60),
                        now.plusSeconds(660),
                        List.of(new DispatchAction.Reduce(SimulatedResources.BATCH, 100))));
        await().atMost(IngressNode.WAIT)
                .until(() -> node.state("d-dtls-1") == DispatchState.ACCEPTED);
    }

    @Test
    void libcoapWithSiteBsKeyPostsForBButIsRefusedForA() throws Exception {
        assertThat(Files.isExecutable(OPENSSL_CLIENT))
                .as(OPENSSL_CLIENT + " must be installed (libcoap3-bin)")
                .isTrue();
        // GIVEN site b's key: its own telemetry is filed
        String own = run("own", psk("dc-b", KEY_B, "post", "dc-b", "telemetry", 5));
        await().atMost(IngressNode.WAIT).until(() -> node.site("dc-b").isPresent());
        assertThat(node.site("dc-b").orElseThrow().latest().seq()).as(own).isEqualTo(5);

        // WHEN it posts as site a, or observes site a's orders
        double before = node.metrics.rejectedCount(SiteCheck.SITE_MISMATCH);
        String impersonation = run("as-a", psk("dc-b", KEY_B, "post", "dc-a", "telemetry", 9));
        String observe = run("observe-a", psk("dc-b", KEY_B, "get", "dc-a", "dispatch", 0));

        // THEN both are refused with 4.03, counted, and site a has nothing
        assertThat(impersonation).contains("4.03");
        assertThat(observe).contains("4.03");
        assertThat(node.metrics.rejectedCount(SiteCheck.SITE_MISMATCH)).isEqualTo(before + 2);
        assertThat(node.site("dc-a")).isEmpty();
        assertThat(node.coap.observers(SiteId.of("dc-a"))).isZero();
    }

    @Test
    void aWrongKeyOrPlainCoapGetsNothingFiled() throws Exception {
        run("wrong", psk("dc-a", "not-the-key-of-site-a-000", "post", "dc-a", "telemetry", 3));
        List<String> plain = new ArrayList<>(List.of(PLAIN_CLIENT.toString(), "-B", "3"));
        plain.addAll(body(3, "dc-a"));
        plain.add(node.uri().replace("coaps", "coap") + "/v1/sites/dc-a/telemetry");
        run("plain", plain);
        assertThat(node.site("dc-a")).isEmpty();
    }

    private List<String> psk(
            String identity, String key, String method, String site, String channel, long seq) {
        List<String> c =
                new ArrayList<>(
                        List.of(
                                OPENSSL_CLIENT.toString(),
                                "-B",
                                "5",
                                "-u",
                                identity,
                                "-k",
                                key,
                                "-m",
                                method));
        if (method.equals("post")) {
            c.addAll(body(seq, site));
        }
        c.add(node.uri() + "/v1/sites/" + site + "/" + channel);
        return c;
    }

    private static List<String> body(long seq, String site) {
        return List.of("-t", "50", "-e", Messages.telemetry(site, seq));
    }

    /** Runs a client to its end; its output. */
    private String run(String name, List<String> command) throws Exception {
        Path out = dir.resolve(name + ".out");
        Process p =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(out.toFile())
                        .start();
        processes.add(p);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as(name + " exits").isTrue();
        return read(out);
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
