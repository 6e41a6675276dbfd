package io.gridshift.aggregator.ven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gridshift.aggregator.AggregatorNode;
import io.gridshift.aggregator.AggregatorOptions;
import io.gridshift.aggregator.TestVtn;
import io.gridshift.aggregator.api.auth.ApiRole;
import io.gridshift.aggregator.api.auth.ApiToken;
import io.gridshift.aggregator.ledger.AutoSettlementOptions;
import io.gridshift.aggregator.ledger.LedgerOptions;
import io.gridshift.aggregator.ven.report.SettlementReport;
import io.gridshift.domain.event.EventId;
import io.gridshift.domain.time.ManualClock;
import io.gridshift.fixtures.net.TcpProxy;
import io.gridshift.storage.db.StorageOptions;
import io.gridshift.vtn.VtnVerticle;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole aggregator node with its VEN on the real VTN: an event the VTN distributes is decided on,
 * recorded on the cluster, shown by the REST API and published on the clustered event bus; once it
 * ended the node settles it by itself and reports the settlement to the VTN, again until the VTN
 * takes it.
 */
class VenNodeIT {
    static final Duration WAIT = Duration.ofSeconds(60);
    static final String OPERATOR_TOKEN = "ven-node-it-operator-0123456789abcdef0123";
    static final EventId EVENT = EventId.of("evt-node");
    static final Instant EVENT_END = Instant.parse("2026-07-02T15:00:00Z");

    @TempDir Path folder;
    final ManualClock clock = new ManualClock(Instant.parse("2026-07-01T06:00:00Z"));
    final HttpClient http = HttpClient.newHttpClient();
    Vertx vtnVertx;
    AggregatorNode node;

    @AfterEach
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
        if (vtnVertx != null) {
            vtnVertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aDistributedEventIsRecordedShownAndPublished() throws Exception {
        VtnVerticle vtn = startVtn();
        String vtnUrl = "http://127.0.0.1:" + vtn.port();
        startNode(vtnUrl, LedgerOptions.of(StorageOptions.h2File(folder.resolve("ledger"))));
        List<JsonObject> heard = new CopyOnWriteArrayList<>();
        node.vertx()
                .eventBus()
                .<JsonObject>consumer(GridEventLog.ADDRESS, m -> heard.add(m.body()));
        await().atMost(WAIT)
                .until(() -> node.ven().orElseThrow().registration().current().isPresent());

        // WHEN the VTN's operator creates an event for the VEN (the fleet is empty: it opts out)
        HttpResponse<String> created = createEvent(vtnUrl);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        // THEN the node's API shows the event and the decision, and the event bus carried it
        await().atMost(WAIT)
                .untilAsserted(
                        () -> {
                            JsonArray shown = get("/api/v1/grid-events").getJsonArray("events");
                            assertThat(shown).hasSize(1);
                            JsonObject e = shown.getJsonObject(0);
                            assertThat(e.getString("eventId")).isEqualTo("evt-node");
                            assertThat(e.getString("opt")).isEqualTo("OPT_OUT");
                            assertThat(e.getDouble("requestedKw")).isEqualTo(50.0);
                            assertThat(e.getString("start")).isEqualTo("2026-07-02T14:00:00Z");
                        });
        await().atMost(WAIT).until(() -> !heard.isEmpty());
        assertThat(heard.get(0).getString("eventId")).isEqualTo("evt-node");

        // AND the ledger holds the event and the VEN's opt-out, and settles it (no commitment)
        var reader = node.ledger().orElseThrow().ledger().reader();
        await().atMost(WAIT).until(() -> !reader.opts(EventId.of("evt-node")).isEmpty());
        assertThat(reader.event(EventId.of("evt-node"))).isPresent();
        HttpResponse<String> json = settle("application/json");
        assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
        assertThat(new JsonObject(json.body()).getString("eventId")).isEqualTo("evt-node");
        HttpResponse<String> csv = settle("text/csv");
        assertThat(csv.headers().firstValue("content-type")).hasValue("text/csv");
        assertThat(settleUnknown().statusCode()).isEqualTo(404);

        // AND the VEN reported the settlement to the VTN
        assertTheVtnReceivedTheSettlement(vtn);
    }

    @Test
    void anEndedEventIsSettledOnceByItselfAndReportedOnce() throws Exception {
        // GIVEN a node that settles 5 minutes after an event's end, and the VTN's event received
        VtnVerticle vtn = startVtn();
        String vtnUrl = "http://127.0.0.1:" + vtn.port();
        startNode(vtnUrl, autoSettling());
        eventReceived(vtnUrl);
        var reports = node.ledger().orElseThrow().ledger().settlementReports();

        // WHEN the clock passes the event's end, but not the delay: nothing is settled
        clock.set(EVENT_END.plus(Duration.ofMinutes(4)));
        await().during(Duration.ofSeconds(1))
                .atMost(WAIT)
                .until(() -> reports.state(EVENT, 0).isEmpty());

        // WHEN it passes the delay: the settlement is in the ledger and the VTN has it, once
        clock.set(EVENT_END.plus(Duration.ofMinutes(5)));
        await().atMost(WAIT)
                .until(() -> reports.state(EVENT, 0).map(r -> r.reported()).orElse(false));
        assertTheVtnReceivedTheSettlement(vtn);
        clock.advance(Duration.ofHours(2));
        await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> settlementPoints(vtn) == 12);
        assertThat(counter("gridshift.settlement.automatic")).isEqualTo(1);
        assertThat(counter("gridshift.settlement.reports.sent")).isEqualTo(1);
        assertThat(reports.state(EVENT, 0).orElseThrow().attempts()).isZero();
    }

    @Test
    void aReportTheVtnDidNotTakeIsSentAgainAfterARestartOnceTheVtnIsBack() throws Exception {
        // GIVEN the VEN reaching the VTN through a link the test can cut, and the event received
        VtnVerticle vtn = startVtn();
        try (TcpProxy link = new TcpProxy(vtn.port()).start()) {
            String vtnUrl = "http://127.0.0.1:" + link.port();
            startNode(vtnUrl, autoSettling());
            eventReceived(vtnUrl);
            var reports = node.ledger().orElseThrow().ledger().settlementReports();

            // WHEN the VTN is unreachable once the event is to be settled
            link.cut();
            clock.set(EVENT_END.plus(Duration.ofMinutes(5)));
            // THEN it is settled, its report failed and is owed, with the cause
            await().atMost(WAIT)
                    .until(() -> reports.state(EVENT, 0).map(r -> r.attempts() > 0).orElse(false));
            assertThat(reports.state(EVENT, 0).orElseThrow().lastError()).isNotBlank();
            assertThat(counter("gridshift.settlement.reports.failed")).isPositive();
            assertThat(settlementPoints(vtn)).isZero();

            // WHEN the node restarts (what is owed is in its ledger only) and the VTN is back
            node.close();
            node = null;
            link.restore();
            startNode(vtnUrl, autoSettling());
            var restarted = node.ledger().orElseThrow().ledger().settlementReports();
            // THEN the report is sent again at a later check, and arrives once
            await().atMost(WAIT)
                    .untilAsserted(
                            () -> {
                                clock.advance(Duration.ofMinutes(1));
                                assertThat(restarted.state(EVENT, 0).orElseThrow().reported())
                                        .isTrue();
                            });
            assertTheVtnReceivedTheSettlement(vtn);
            assertThat(settlementPoints(vtn)).isEqualTo(12);
            // AND the restarted node did not settle the event again
            assertThat(counter("gridshift.settlement.automatic")).isZero();
            assertThat(counter("gridshift.settlement.reports.sent")).isEqualTo(1);
        }
    }

    /** The ledger settling 5 minutes after an event's end, checking often, retrying each minute. */
    LedgerOptions autoSettling() {
        return LedgerOptions.of(StorageOptions.h2File(folder.resolve("ledger")))
                .withAuto(
                        new AutoSettlementOptions(
                                Duration.ofMinutes(5),
                                Duration.ofMinutes(1),
                                Duration.ofMinutes(1),
                                Duration.ofMillis(100)));
    }

    /** The VTN's event is in the node's ledger, and the VTN asked for settlement reports. */
    void eventReceived(String vtnUrl) throws Exception {
        Ven ven = node.ven().orElseThrow();
        await().atMost(WAIT).until(() -> ven.registration().current().isPresent());
        HttpResponse<String> created = createEvent(vtnUrl);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var reader = node.ledger().orElseThrow().ledger().reader();
        await().atMost(WAIT).until(() -> !reader.opts(EVENT).isEmpty());
        await().atMost(WAIT).until(() -> ven.reports().settlementRequested());
    }

    static long settlementPoints(VtnVerticle vtn) {
        return vtn.reports().points("ven-node-it").stream()
                .filter(p -> SettlementReport.SPECIFIER.equals(p.reportSpecifierId()))
                .count();
    }

    double counter(String name) {
        var c = node.metrics().registry().find(name).counter();
        return c == null ? 0 : c.count();
    }

    /** The real VTN on a free port, on the test's clock. */
    VtnVerticle startVtn() throws Exception {
        vtnVertx = Vertx.vertx();
        return TestVtn.deploy(vtnVertx, "VTN_NODE_IT", clock);
    }

    /** A node whose VEN ({@code ven-node-it}) polls {@code vtnUrl}, with an operator token. */
    void startNode(String vtnUrl, LedgerOptions ledger) throws Exception {
        node =
                AggregatorNode.start(
                        AggregatorOptions.ephemeral()
                                .withApi(
                                        AggregatorOptions.ephemeral()
                                                .api()
                                                .withTokens(
                                                        List.of(
                                                                ApiToken.parse(
                                                                        ApiToken.entry(
                                                                                "ops",
                                                                                ApiRole.OPERATOR,
                                                                                OPERATOR_TOKEN)))))
                                .withVen(
                                        VenOptions.of(URI.create(vtnUrl), "node-it", folder)
                                                .withVenId("ven-node-it")
                                                .withPollInterval(Duration.ofMillis(200)))
                                .withLedger(ledger),
                        clock);
    }

    /**
     * The VEN reported the settlement as the HISTORY_USAGE report the VTN requested: read and
     * schema-validated by the VTN, one point per data point and 15-minute interval of the 1-hour
     * event (zeros: nothing was committed or metered).
     */
    static void assertTheVtnReceivedTheSettlement(VtnVerticle vtn) {
        await().atMost(WAIT)
                .untilAsserted(
                        () -> {
                            var points =
                                    vtn.reports().points("ven-node-it").stream()
                                            .filter(
                                                    p ->
                                                            SettlementReport.SPECIFIER.equals(
                                                                    p.reportSpecifierId()))
                                            .toList();
                            assertThat(points).hasSizeGreaterThanOrEqualTo(12);
                            assertThat(points.subList(0, 12))
                                    .extracting(p -> p.rId())
                                    .containsOnly(
                                            SettlementReport.R_BASELINE,
                                            SettlementReport.R_ACTUAL,
                                            SettlementReport.R_DELIVERED);
                            assertThat(points.get(0).start())
                                    .isEqualTo(Instant.parse("2026-07-02T14:00:00Z"));
                            assertThat(points.get(11).start())
                                    .isEqualTo(Instant.parse("2026-07-02T14:45:00Z"));
                            assertThat(points.get(0).value()).isZero();
                        });
    }

    HttpResponse<String> createEvent(String vtnUrl) throws Exception {
        JsonObject event =
                VtnEvents.loadDispatch("evt-node", "ven-node-it", "2026-07-02T14:00:00Z", -50);
        return http.send(
                HttpRequest.newBuilder(URI.create(vtnUrl + "/api/v1/events"))
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(event.encode()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> settle(String accept) throws Exception {
        return http.send(
                HttpRequest.newBuilder(
                                URI.create(
                                        "http://127.0.0.1:"
                                                + node.httpPort()
                                                + "/api/v1/grid-events/evt-node/settlement"))
                        .header("accept", accept)
                        .header("Authorization", "Bearer " + OPERATOR_TOKEN)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> settleUnknown() throws Exception {
        return http.send(
                HttpRequest.newBuilder(
                                URI.create(
                                        "http://127.0.0.1:"
                                                + node.httpPort()
                                                + "/api/v1/grid-events/evt-none/settlement"))
                        .header("Authorization", "Bearer " + OPERATOR_TOKEN)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JsonObject get(String path) throws Exception {
        HttpResponse<String> r =
                http.send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + node.httpPort() + path))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new JsonObject(r.body());
    }
}
