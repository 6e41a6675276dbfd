package io.gridshift.aggregator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridshift.agent.AgentFolders;
import io.gridshift.agent.EdgeAgent;
import io.gridshift.agent.ReportingOptions;
import io.gridshift.agent.buffer.BufferOptions;
import io.gridshift.agent.dispatch.DispatchOptions;
import io.gridshift.agent.sim.SimulatedDataCenter;
import io.gridshift.agent.sim.SimulatedSiteOptions;
import io.gridshift.agent.transport.BackoffPolicy;
import io.gridshift.agent.transport.StatusPayloads;
import io.gridshift.agent.transport.mqtt.MqttTransport;
import io.gridshift.agent.transport.mqtt.MqttTransportOptions;
import io.gridshift.aggregator.TestVtn;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import io.gridshift.edge.codec.EdgeCodec;
import io.gridshift.fixtures.FreePorts;
import io.gridshift.fixtures.mqtt.MosquittoBroker;
import io.gridshift.fixtures.postgres.PostgresServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real parts of a cluster test: PostgreSQL (the shared ledger), Mosquitto, the VTN of {@code
 * modules/vtn} in this JVM, aggregator nodes in processes of their own on loopback (TCP-IP member
 * list, free ports), and edge agents with simulated data centers in this JVM.
 */
final class ClusterHarness implements AutoCloseable {
    static final String VEN_ID = "ven-cluster-it";
    static final Duration UP = Duration.ofSeconds(90);

    final Path folder;
    final Clock clock = Clock.systemUTC();
    final HttpClient http = HttpClient.newHttpClient();
    final PostgresServer pg;
    final MosquittoBroker mosquitto = new MosquittoBroker();
    final List<NodeProcess> nodes = new ArrayList<>();
    final Map<String, EdgeAgent> agents = new LinkedHashMap<>();
    final Map<String, CountingSite> sites = new LinkedHashMap<>();
    final int[] memberPorts;
    final long loopMs;

    /** Options every node gets on top of the harness's own. */
    final Map<String, String> extra = new LinkedHashMap<>();

    Vertx vtnVertx;
    String vtnBase;

    ClusterHarness(Path folder, int nodeCount, long loopMs) throws Exception {
        this.folder = folder;
        this.loopMs = loopMs;
        this.pg = PostgresServer.start();
        mosquitto.start();
        startVtn();
        memberPorts = new int[nodeCount];
        for (int i = 0; i < nodeCount; i++) {
            memberPorts[i] = FreePorts.tcp();
        }
        for (int i = 0; i < nodeCount; i++) {
            nodes.add(startNode(i, 0));
        }
        for (NodeProcess n : nodes) {
            n.awaitUp(UP);
        }
    }

    /** Starts node {@code i} (again, after a kill: a new process in a fresh folder). */
    NodeProcess startNode(int i, int generation) throws Exception {
        Map<String, String> p = new LinkedHashMap<>();
        List<String> others = new ArrayList<>();
        for (int j = 0; j < memberPorts.length; j++) {
            if (j != i) {
                others.add("127.0.0.1:" + memberPorts[j]);
            }
        }
        Path dir = folder.resolve("node-" + i + "-" + generation);
        p.put("cluster.name", "failover-" + ProcessHandle.current().pid());
        p.put("cluster.port", Integer.toString(memberPorts[i]));
        p.put("cluster.members", String.join(",", others));
        p.put("mqtt.server", "tcp://127.0.0.1:" + mosquitto.port());
        p.put("mqtt.clients", "1");
        p.put("coap.port", "0");
        p.put("http.port", "0");
        p.put("ingest.siteRate", "0");
        p.put("dispatch.ackTimeoutS", "2");
        p.put("ven.vtnUrl", vtnBase);
        p.put("ven.id", VEN_ID);
        p.put("ven.pollS", "1");
        p.put("ven.folder", dir.resolve("ven").toString());
        p.put("ledger.jdbcUrl", pg.jdbcUrl());
        p.put("ledger.user", pg.user());
        p.put("api.anonymousRole", "viewer");
        p.put("api.clientRate", "0");
        p.put("api.auditFile", dir.resolve("audit.jsonl").toString());
        p.put("fleet.windowReadings", "1000");
        p.putAll(extra);
        return new NodeProcess("node-" + i, dir, memberPorts[i], p, loopMs);
    }

    void startVtn() throws Exception {
        vtnVertx = Vertx.vertx();
        vtnBase = "http://127.0.0.1:" + TestVtn.deploy(vtnVertx, "VTN_CLUSTER_IT", clock).port();
    }

    /** Starts {@code n} agents reporting every {@code period}, all in grid zone ZA. */
    void startAgents(int n, Duration period) {
        ReportingOptions reporting =
                new ReportingOptions(
                        period,
                        Duration.ofSeconds(5),
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(10),
                        Duration.ofMillis(100));
        for (int i = 0; i < n; i++) {
            SiteId id = SiteId.of("site-" + i);
            CountingSite site =
                    new CountingSite(
                            new SimulatedDataCenter(
                                    SimulatedSiteOptions.typical(id, GridZone.of("ZA"), i + 1),
                                    clock.instant()));
            EdgeAgent agent =
                    new EdgeAgent(
                            id,
                            site,
                            new MqttTransport(
                                    MqttTransportOptions.builder(
                                                    id,
                                                    URI.create(
                                                            "tcp://127.0.0.1:" + mosquitto.port()))
                                            .backoff(
                                                    new BackoffPolicy(
                                                            Duration.ofMillis(100),
                                                            Duration.ofSeconds(1),
                                                            2.0))
                                            .build(),
                                    StatusPayloads.of(id, EdgeCodec.json(), clock, "it")),
                            clock,
                            new AgentFolders(
                                    folder.resolve("agents").resolve(id.value()),
                                    BufferOptions.defaults()),
                            reporting,
                            DispatchOptions.defaults());
            agent.start();
            agents.put(id.value(), agent);
            sites.put(id.value(), site);
        }
    }

    /** A live node's REST API: GET {@code path}, or {@code null} on 404. */
    JsonObject get(String path) throws Exception {
        for (NodeProcess n : nodes) {
            if (!n.alive()) {
                continue;
            }
            try {
                HttpResponse<String> r =
                        http.send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        "http://127.0.0.1:" + n.httpPort() + path))
                                        .timeout(Duration.ofSeconds(5))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 404) {
                    return null;
                }
                if (r.statusCode() == 200) {
                    return new JsonObject(r.body());
                }
            } catch (java.io.IOException e) {
                // that node is going: ask the next
            }
        }
        return null;
    }

    int sitesOnline() throws Exception {
        JsonObject f = get("/api/v1/fleet");
        return f == null ? 0 : f.getInteger("sitesOnline", 0);
    }

    /** A LOAD_DISPATCH event for zone ZA: shed {@code kw} from {@code start} for {@code length}. */
    void createEvent(String id, Instant start, Duration length, double kw) throws Exception {
        JsonObject signal =
                new JsonObject()
                        .put("name", "LOAD_DISPATCH")
                        .put("type", "DELTA")
                        .put("unit", "kW")
                        .put(
                                "intervals",
                                new JsonArray()
                                        .add(
                                                new JsonObject()
                                                        .put("duration", length.toString())
                                                        .put("value", -kw)));
        JsonObject event =
                new JsonObject()
                        .put("eventId", id)
                        .put("venIds", new JsonArray().add(VEN_ID))
                        .put("groupIds", new JsonArray().add("ZA"))
                        .put("start", start.toString())
                        .put("priority", 1)
                        .put("signals", new JsonArray().add(signal));
        HttpResponse<String> r =
                http.send(
                        HttpRequest.newBuilder(URI.create(vtnBase + "/api/v1/events"))
                                .header("content-type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(event.encode()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    NodeProcess byId(String nodeId) {
        for (NodeProcess n : nodes) {
            if (n.alive() && nodeId.equals(n.nodeId())) {
                return n;
            }
        }
        return null;
    }

    @Override
    public void close() throws Exception {
        agents.values().forEach(EdgeAgent::close);
        for (NodeProcess n : nodes) {
            n.close();
        }
        if (vtnVertx != null) {
            vtnVertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        mosquitto.close();
        pg.close();
    }
}
