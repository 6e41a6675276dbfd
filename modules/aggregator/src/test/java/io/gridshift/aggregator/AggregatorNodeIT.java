package io.gridshift.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gridshift.aggregator.api.auth.ApiRole;
import io.gridshift.aggregator.api.auth.ApiToken;
import io.gridshift.aggregator.dispatch.DispatchState;
import io.gridshift.aggregator.fleet.Transport;
import io.gridshift.aggregator.ledger.LedgerOptions;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.site.SiteId;
import io.gridshift.domain.time.ManualClock;
import io.gridshift.storage.db.StorageOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole node as operators and sites meet it: one site on MQTT, one on CoAP, the REST API, the
 * metrics and the health checks.
 */
class AggregatorNodeIT {
    static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir Path data;
    final ManualClock clock = new ManualClock(Agents.T0);
    final HttpClient http = HttpClient.newHttpClient();
    AggregatorNode node;
    Agents agents;

    @AfterEach
    void stop() {
        if (agents != null) {
            agents.close();
        }
        if (node != null) {
            node.close();
        }
    }

    private static final String OPERATOR_TOKEN = "node-it-operator-0123456789abcdef01234567";

    @Test
    void anOperatorDispatchesBothSitesThroughTheApiAndTheirAcksComeBack() throws Exception {
        // GIVEN a node with one site on MQTT and one on CoAP
        node = AggregatorNode.start(options(), clock);
        agents = new Agents(clock, data);
        agents.mqtt("dc-mqtt", "DE", node.mqttUri());
        agents.coap("dc-coap", "FR", "coap://127.0.0.1:" + node.coapPort());
        await().atMost(WAIT)
                .untilAsserted(
                        () -> {
                            agents.run(Duration.ofSeconds(5));
                            JsonObject fleet = get("/api/v1/fleet");
                            assertThat(fleet.getLong("sitesOnline")).isEqualTo(2);
                            assertThat(fleet.getDouble("flexKw")).isPositive();
                        });
        assertThat(
                        node.fleet()
                                .site(SiteId.of("dc-coap"))
                                .toCompletableFuture()
                                .get()
                                .orElseThrow()
                                .transport())
                .isEqualTo(Transport.COAP);
        await().atMost(WAIT).until(() -> status("/health/ready") == 200);

        // WHEN the operator dispatches each site through the REST API
        for (String site : new String[] {"dc-mqtt", "dc-coap"}) {
            HttpResponse<String> created = post("/api/v1/dispatches", manualOrder(site));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }

        // THEN both sites accept, over their own transports, and the API shows it
        for (String site : new String[] {"dc-mqtt", "dc-coap"}) {
            await().atMost(WAIT)
                    .until(
                            () ->
                                    node.dispatch()
                                            .get(DispatchId.of("op-" + site))
                                            .toCompletableFuture()
                                            .get()
                                            .map(v -> v.state() == DispatchState.ACCEPTED)
                                            .orElse(false));
            assertThat(get("/api/v1/dispatches/op-" + site).encode()).contains("ACCEPTED");
        }
        // AND the ledger holds each order, its send and the site's ack, written ahead
        var reader = node.ledger().orElseThrow().ledger().reader();
        for (String site : new String[] {"dc-mqtt", "dc-coap"}) {
            DispatchId id = DispatchId.of("op-" + site);
            assertThat(reader.order(id)).isPresent();
            assertThat(reader.sends(id)).isNotEmpty();
            assertThat(reader.acks(id))
                    .anySatisfy(a -> assertThat(a.status().name()).isEqualTo("ACCEPTED"));
        }
        assertThat(node.ledger().orElseThrow().meter().stats().accepted()).isPositive();
        String metrics = text("/metrics");
        assertThat(metrics).contains("gridshift_dispatch_ack_latency_seconds_count 2\n");
        assertThat(metrics)
                .contains(
                        "gridshift_ingest_messages_total{channel=\"telemetry\",transport=\"coap\"}");
        assertThat(status("/health/live")).isEqualTo(200);

        // AND a bad manual dispatch is a problem naming the field
        HttpResponse<String> bad = post("/api/v1/dispatches", "{\"site\":\"dc-mqtt\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
    }

    /** A node with an operator's token and a ledger in the test's folder. */
    private AggregatorOptions options() {
        AggregatorOptions options = AggregatorOptions.ephemeral();
        return options.withApi(
                        options.api()
                                .withTokens(
                                        List.of(
                                                ApiToken.parse(
                                                        ApiToken.entry(
                                                                "ops",
                                                                ApiRole.OPERATOR,
                                                                OPERATOR_TOKEN)))))
                .withLedger(LedgerOptions.of(StorageOptions.h2File(data.resolve("ledger"))));
    }

    private String manualOrder(String site) {
        JsonObject reduce =
                new JsonObject()
                        .put("kind", "REDUCE")
                        .put("resource", "batch")
                        .put("reductionKw", 200);
        return new JsonObject()
                .put("id", "op-" + site)
                .put("site", site)
                .put("start", clock.instant().plusSeconds(60).toString())
                .put("end", clock.instant().plusSeconds(1860).toString())
                .put("actions", new JsonArray().add(reduce))
                .encode();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + OPERATOR_TOKEN)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + node.httpPort() + path);
    }

    private JsonObject get(String path) throws Exception {
        return new JsonObject(text(path));
    }

    private String text(String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(uri(path)).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private int status(String path) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(uri(path)).build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }
}
