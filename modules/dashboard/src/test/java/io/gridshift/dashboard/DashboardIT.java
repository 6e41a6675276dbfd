package io.gridshift.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridshift.agent.AgentFolders;
import io.gridshift.agent.EdgeAgent;
import io.gridshift.agent.ReportingOptions;
import io.gridshift.agent.buffer.BufferOptions;
import io.gridshift.agent.dispatch.DispatchOptions;
import io.gridshift.agent.schedule.JobOptions;
import io.gridshift.agent.sim.FlexJobGenerator;
import io.gridshift.agent.sim.SimulatedDataCenter;
import io.gridshift.agent.sim.SimulatedSiteOptions;
import io.gridshift.agent.transport.BackoffPolicy;
import io.gridshift.agent.transport.StatusPayloads;
import io.gridshift.agent.transport.mqtt.MqttTransport;
import io.gridshift.agent.transport.mqtt.MqttTransportOptions;
import io.gridshift.aggregator.AggregatorNode;
import io.gridshift.aggregator.AggregatorOptions;
import io.gridshift.aggregator.api.auth.ApiRole;
import io.gridshift.aggregator.api.auth.ApiToken;
import io.gridshift.aggregator.ledger.LedgerOptions;
import io.gridshift.aggregator.schedule.ScheduleServiceOptions;
import io.gridshift.aggregator.ven.VenOptions;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import io.gridshift.domain.time.ManualClock;
import io.gridshift.edge.codec.EdgeCodec;
import io.gridshift.openadr.codec.OadrCodec;
import io.gridshift.storage.db.StorageOptions;
import io.gridshift.vtn.VtnConfig;
import io.gridshift.vtn.VtnVerticle;
import io.gridshift.vtn.event.InMemoryEventStore;
import io.gridshift.vtn.ven.VenRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built dashboard in headless Chromium (Debian's, driven by playwright-core from npm) against a
 * real node: VTN, embedded broker, H2 ledger and six simulated sites whose clock moves 5 s every
 * 200 ms. The page must show live numbers that move, the sites and one site's envelope, an event
 * the VTN creates, the event's chart of the load against baseline and target from the closed loop,
 * and its settlement. Screenshots: target/dashboard-screenshots/.
 */
class DashboardIT {
    static final String OPERATOR_TOKEN = "dashboard-it-operator-0123456789abcdef01";
    static final Path SHOTS = Path.of("target", "dashboard-screenshots");

    @TempDir Path folder;
    final ManualClock clock = new ManualClock(Instant.parse("2026-07-01T12:00:00Z"));
    final List<EdgeAgent> agents = new ArrayList<>();
    final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    Vertx vtnVertx;
    AggregatorNode node;

    @AfterEach
    void stop() throws Exception {
        ticker.shutdownNow();
        ticker.awaitTermination(10, TimeUnit.SECONDS);
        agents.forEach(EdgeAgent::close);
        if (node != null) {
            node.close();
        }
        if (vtnVertx != null) {
            vtnVertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void theDashboardShowsTheLiveFleetAnEventAndItsSettlement() throws Exception {
        vtnVertx = Vertx.vertx();
        VtnVerticle vtn =
                new VtnVerticle(
                        new VtnConfig("VTN_E2E", "127.0.0.1", 0, Duration.ofSeconds(1)),
                        new VenRegistry(),
                        new InMemoryEventStore(),
                        new OadrCodec(),
                        clock);
        vtnVertx.deployVerticle(vtn)
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        String vtnUrl = "http://127.0.0.1:" + vtn.port();
        node = AggregatorNode.start(nodeOptions(vtnUrl), clock);
        String[] zones = {"CN-SH", "CN-GD", "CN-NM", "CN-GS"};
        for (int i = 0; i < 6; i++) {
            agents.add(agent("dc-e2e-" + i, zones[i % zones.length], i + 1));
        }
        ticker.scheduleAtFixedRate(
                () -> {
                    clock.advance(Duration.ofSeconds(5));
                    agents.forEach(EdgeAgent::cycleNow);
                },
                0,
                200,
                TimeUnit.MILLISECONDS);

        Files.createDirectories(SHOTS);
        String url = "http://127.0.0.1:" + node.httpPort() + "/dashboard/";
        Process browser =
                new ProcessBuilder(
                                "node",
                                "e2e/dashboard.e2e.mjs",
                                url,
                                SHOTS.toAbsolutePath().toString(),
                                OPERATOR_TOKEN)
                        .redirectErrorStream(true)
                        .start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(browser.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
                if (line.equals("READY")) {
                    createEvent(vtnUrl);
                }
            }
        }
        assertThat(browser.waitFor(150, TimeUnit.SECONDS)).isTrue();
        assertThat(browser.exitValue()).as(String.join("\n", lines)).isZero();
        assertThat(lines).contains("SITES 6", "EVENT e2e-peak OPT_IN", "DONE");
        assertThat(lines).anyMatch(l -> l.matches("SCHEDULE v\\d+ .*saved.*"));
        // the Schedule view's green-power figures equal GET /api/v1/green's for the node's day
        assertThat(lines)
                .anyMatch(
                        l ->
                                l.matches(
                                        "GREEN cfe=[0-9.]+ location=[0-9.]+ market=[0-9.]+"
                                                + " kwh=[0-9.]+ equal"));
        assertThat(lines).anyMatch(l -> l.startsWith("LIVE ") && l.endsWith("live: live"));
        assertEventChart(lines);
        for (String shot :
                List.of("overview", "sites", "site", "events", "event", "settlement", "schedule")) {
            assertThat(SHOTS.resolve(shot + ".png")).isNotEmptyFile();
        }
    }

    /**
     * The event page's chart showed baseline, target and load series, and its latest baseline and
     * target are the delivery's: the event zones' sites' baseline, less the 100 kW committed.
     */
    void assertEventChart(List<String> lines) throws Exception {
        String chart =
                lines.stream()
                        .filter(l -> l.startsWith("CHART "))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no CHART line: " + lines));
        Map<String, String> v = new HashMap<>();
        int series = chart.indexOf(" series="); // the last field; its labels hold spaces
        assertThat(series).as(chart).isPositive();
        v.put("series", chart.substring(series + " series=".length()));
        for (String kv : chart.substring("CHART ".length(), series).split(" ")) {
            String[] p = kv.split("=", 2);
            v.put(p[0], p[1]);
        }
        assertThat(v.get("series")).contains("baseline|target|load (meters)");
        assertThat(Integer.parseInt(v.get("samples"))).isGreaterThanOrEqualTo(3);
        JsonObject d = node.gridEvents().delivery("e2e-peak").orElseThrow();
        double baseline =
                d.getJsonObject("sites").stream()
                        .map(e -> (JsonObject) e.getValue())
                        .filter(p -> p.getBoolean("inEventZone"))
                        .mapToDouble(p -> p.getDouble("baselineKw"))
                        .sum();
        assertThat(baseline).isPositive();
        assertThat(Double.parseDouble(v.get("baseline"))).isCloseTo(baseline, within(1e-6));
        assertThat(Double.parseDouble(v.get("target"))).isCloseTo(baseline - 100, within(1e-6));
        double load = Double.parseDouble(v.get("load"));
        assertThat(load).isPositive().isLessThanOrEqualTo(baseline * 1.5);
    }

    EdgeAgent agent(String site, String zone, long seed) {
        SiteId id = SiteId.of(site);
        EdgeAgent agent =
                new EdgeAgent(
                        id,
                        new SimulatedDataCenter(
                                SimulatedSiteOptions.typical(id, GridZone.of(zone), seed),
                                clock.instant()),
                        new MqttTransport(
                                MqttTransportOptions.builder(id, URI.create(node.mqttUri()))
                                        .backoff(
                                                new BackoffPolicy(
                                                        Duration.ofMillis(50),
                                                        Duration.ofMillis(500),
                                                        2.0))
                                        .build(),
                                StatusPayloads.of(id, EdgeCodec.json(), clock, "e2e")),
                        clock,
                        new AgentFolders(folder.resolve(site), BufferOptions.defaults()),
                        new ReportingOptions(
                                Duration.ofSeconds(5),
                                Duration.ofSeconds(5),
                                Duration.ofMinutes(5),
                                Duration.ofMinutes(10),
                                Duration.ofSeconds(1)),
                        DispatchOptions.defaults(),
                        new FlexJobGenerator(
                                JobOptions.enabled(seed, 30),
                                id,
                                GridZone.of(zone),
                                clock.instant()),
                        JobOptions.enabled(seed, 30));
        agent.start();
        return agent;
    }

    void createEvent(String vtnUrl) throws Exception {
        // soon (orders start 2 min before it, so the closed loop's samples come within seconds of
        // wall time), on a quarter hour: settlement intervals must hold the event whole
        long quarter = 900;
        long now = clock.instant().getEpochSecond();
        long at = (now / quarter + 1) * quarter;
        Instant start = Instant.ofEpochSecond(at - now < 180 ? at + quarter : at);
        JsonObject event =
                new JsonObject()
                        .put("eventId", "e2e-peak")
                        .put("venIds", new JsonArray().add("ven-e2e"))
                        .put("start", start.toString())
                        .put("priority", 1)
                        .put(
                                "signals",
                                new JsonArray()
                                        .add(
                                                new JsonObject()
                                                        .put("name", "LOAD_DISPATCH")
                                                        .put("type", "DELTA")
                                                        .put("unit", "kW")
                                                        .put(
                                                                "intervals",
                                                                new JsonArray()
                                                                        .add(
                                                                                new JsonObject()
                                                                                        .put(
                                                                                                "duration",
                                                                                                "PT1H")
                                                                                        .put(
                                                                                                "value",
                                                                                                -100)))));
        HttpResponse<String> created =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(vtnUrl + "/api/v1/events"))
                                        .header("content-type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(event.encode()))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    /** A node whose VEN polls the VTN, with an operator's token and a ledger. */
    private AggregatorOptions nodeOptions(String vtnUrl) {
        return AggregatorOptions.ephemeral()
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
                        VenOptions.of(URI.create(vtnUrl), "e2e", folder.resolve("ven"))
                                .withVenId("ven-e2e")
                                .withPollInterval(Duration.ofMillis(200)))
                .withLedger(LedgerOptions.of(StorageOptions.h2File(folder.resolve("ledger"))))
                .withSchedule(
                        ScheduleServiceOptions.defaults()
                                .withSignalsFolder(signals())
                                .withFeed(null, Duration.ofMillis(500))
                                .withReplanInterval(Duration.ofSeconds(3)));
    }

    /**
     * Hourly signals of the four zones around the test's clock: CN-SH and CN-GD dear and dirty for
     * the first six hours, so that the plan moves and delays work and saves on both counts.
     */
    private Path signals() {
        try {
            return writeSignals();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path writeSignals() throws java.io.IOException {
        Path dir = Files.createDirectories(folder.resolve("signals"));
        StringBuilder csv = new StringBuilder("time_utc,zone,price_per_mwh,carbon_g_per_kwh\n");
        Instant t0 = clock.instant().minus(Duration.ofHours(2));
        for (String zone : new String[] {"CN-SH", "CN-GD", "CN-NM", "CN-GS"}) {
            boolean dear = zone.equals("CN-SH") || zone.equals("CN-GD");
            for (int h = 0; h < 54; h++) {
                boolean peak = dear && h >= 2 && h < 8;
                csv.append(t0.plus(Duration.ofHours(h)))
                        .append(',')
                        .append(zone)
                        .append(',')
                        .append(peak ? 240 : 70)
                        .append(',')
                        .append(peak ? 700 : dear ? 450 : 350)
                        .append('\n');
            }
        }
        Files.writeString(dir.resolve("zones.csv"), csv);
        return dir;
    }
}
