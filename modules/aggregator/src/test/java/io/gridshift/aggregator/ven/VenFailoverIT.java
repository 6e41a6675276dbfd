package io.gridshift.aggregator.ven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gridshift.aggregator.AggregatorNode;
import io.gridshift.aggregator.AggregatorOptions;
import io.gridshift.aggregator.cluster.ClusterOptions;
import io.gridshift.domain.time.ManualClock;
import io.gridshift.openadr.codec.OadrCodec;
import io.gridshift.vtn.VtnConfig;
import io.gridshift.vtn.VtnVerticle;
import io.gridshift.vtn.event.InMemoryEventStore;
import io.gridshift.vtn.ven.VenRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two aggregator nodes of one cluster, both configured with the same VTN: one VEN runs (the node
 * holding the lease), and when that node's member dies the other takes the VEN over with the same
 * registration and answers the next event.
 */
class VenFailoverIT {
    static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir Path folder;
    final ManualClock clock = new ManualClock(Instant.parse("2026-07-01T06:00:00Z"));
    final HttpClient http = HttpClient.newHttpClient();
    Vertx vtnVertx;
    VenRegistry registry;
    String vtnUrl;
    AggregatorNode a;
    AggregatorNode b;

    @AfterEach
    void stop() throws Exception {
        for (AggregatorNode n : new AggregatorNode[] {a, b}) {
            if (n != null) {
                n.close();
            }
        }
        vtnVertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void oneVenRunsInTheClusterAndAnotherNodeTakesItOverWhenItsMemberDies() throws Exception {
        startVtn();
        String cluster = "ven-failover-" + UUID.randomUUID();
        AggregatorOptions base = AggregatorOptions.ephemeral();
        base = base.withCluster(base.cluster().withClusterName(cluster));
        a = AggregatorNode.start(withVen(base, "a"), clock);
        var first = a.hazelcast().getCluster().getLocalMember().getAddress();
        ClusterOptions joining =
                base.cluster().withMembers(List.of(first.getHost() + ":" + first.getPort()));
        b = AggregatorNode.start(withVen(base.withCluster(joining), "b"), clock);

        // GIVEN exactly one node runs the VEN, registered once
        await().atMost(WAIT).until(() -> a.runsVen() ^ b.runsVen());
        await().atMost(WAIT).until(() -> registry.all().size() == 1);
        AggregatorNode leader = a.runsVen() ? a : b;
        AggregatorNode other = leader == a ? b : a;
        String registrationId =
                leader.ven().orElseThrow().registration().current().orElseThrow().registrationId();
        createEvent("evt-before");
        await().atMost(WAIT).until(() -> "optOut".equals(optType("evt-before")));

        // WHEN the leader's member dies without giving the lease up
        leader.hazelcast().getLifecycleService().terminate();

        // THEN the other node takes the VEN over, with the same registration
        await().atMost(WAIT).until(other::runsVen);
        createEvent("evt-after");
        await().atMost(WAIT).until(() -> "optOut".equals(optType("evt-after")));
        assertThat(
                        other.ven()
                                .orElseThrow()
                                .registration()
                                .current()
                                .orElseThrow()
                                .registrationId())
                .isEqualTo(registrationId);
        assertThat(registry.all()).hasSize(1);
    }

    AggregatorOptions withVen(AggregatorOptions o, String node) {
        return o.withVen(
                VenOptions.of(URI.create(vtnUrl), "failover", folder.resolve(node))
                        .withVenId("ven-cluster")
                        .withPollInterval(Duration.ofMillis(200)));
    }

    void startVtn() throws Exception {
        vtnVertx = Vertx.vertx();
        AtomicInteger ids = new AtomicInteger();
        registry = new VenRegistry(() -> "f" + ids.incrementAndGet());
        VtnVerticle vtn =
                new VtnVerticle(
                        new VtnConfig("VTN_FAILOVER", "127.0.0.1", 0, Duration.ofSeconds(1)),
                        registry,
                        new InMemoryEventStore(),
                        new OadrCodec(),
                        clock);
        vtnVertx.deployVerticle(vtn)
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        vtnUrl = "http://127.0.0.1:" + vtn.port();
    }

    void createEvent(String id) throws Exception {
        JsonObject event = VtnEvents.loadDispatch(id, "ven-cluster", "2026-07-02T14:00:00Z", -50);
        HttpResponse<String> r =
                http.send(
                        HttpRequest.newBuilder(URI.create(vtnUrl + "/api/v1/events"))
                                .header("content-type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(event.encode()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    String optType(String eventId) throws Exception {
        HttpResponse<String> r =
                http.send(
                        HttpRequest.newBuilder(URI.create(vtnUrl + "/api/v1/events/" + eventId))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        JsonArray vens = new JsonObject(r.body()).getJsonArray("vens");
        for (int i = 0; i < vens.size(); i++) {
            JsonObject resp = vens.getJsonObject(i).getJsonObject("response");
            if (resp != null) {
                return resp.getString("optType");
            }
        }
        return null;
    }
}
