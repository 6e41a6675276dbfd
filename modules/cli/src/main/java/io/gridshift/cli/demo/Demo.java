package io.gridshift.cli.demo;

import io.gridshift.aggregator.AggregatorNode;
import io.gridshift.aggregator.AggregatorOptions;
import io.gridshift.aggregator.api.DashboardRoutes;
import io.gridshift.aggregator.api.auth.ApiRole;
import io.gridshift.aggregator.api.auth.ApiToken;
import io.gridshift.aggregator.fleet.FleetSummary;
import io.gridshift.aggregator.ledger.LedgerOptions;
import io.gridshift.aggregator.ven.VenOptions;
import io.gridshift.domain.time.ManualClock;
import io.gridshift.openadr.codec.OadrCodec;
import io.gridshift.storage.db.StorageOptions;
import io.gridshift.vtn.VtnConfig;
import io.gridshift.vtn.VtnVerticle;
import io.gridshift.vtn.event.InMemoryEventStore;
import io.gridshift.vtn.ven.VenRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The demo in one JVM, offline: a VTN on loopback, one aggregator node (embedded MQTT broker, H2
 * ledger, its VEN registered at the VTN), and simulated data centers in four zones, all on one
 * manual clock moved in steps. The VTN's operator creates a peak-shaving event for the VEN; the
 * demo prints progress and a summary of what it measured.
 */
public final class Demo implements AutoCloseable {
    static final String VEN_ID = "gridshift-demo";
    static final String EVENT_ID = "demo-peak-shave";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Duration PROGRESS_EVERY = Duration.ofMinutes(30);

    private final DemoOptions options;
    private final EventResponse response;
    private final PrintWriter out;
    private final ManualClock clock;
    private final HttpClient http = HttpClient.newHttpClient();
    private Path folder;
    private Vertx vtnVertx;
    private VtnVerticle vtn;
    private AggregatorNode node;
    private DemoFleet fleet;

    public Demo(DemoOptions options, EventResponse response, PrintWriter out) {
        this.options = options;
        this.response = response;
        this.out = out;
        this.clock = new ManualClock(options.start());
    }

    /** Runs the demo through its span and prints the summary; the parts keep running after. */
    public DemoResult run() throws Exception {
        start();
        say(
                "%d data centers started in %d zones; simulated time starts %s, %s per step",
                fleet.size(), DemoZone.ALL.size(), options.start(), options.step());
        Waits.until(
                "every site online at the aggregator",
                WAIT,
                () -> summary().sitesOnline() == fleet.size());
        Waits.until(
                "the VEN's registration at the VTN",
                WAIT,
                () -> node.ven().orElseThrow().registration().current().isPresent());
        say("VEN '%s' registered at the VTN; %s", VEN_ID, snapshot().line());

        Instant createAt = options.start().plus(options.eventAfter());
        Instant middle = options.eventStart().plus(options.eventLength().dividedBy(2));
        Instant end = options.start().plus(options.span());
        Instant nextProgress = options.start().plus(PROGRESS_EVERY);
        DemoSnapshot before = null;
        DemoSnapshot during = null;
        JsonObject recorded = null;
        List<String> responded = List.of();
        while (clock.instant().isBefore(end)) {
            clock.advance(options.step());
            fleet.cycle();
            Instant now = clock.instant();
            if (recorded == null && !now.isBefore(createAt)) {
                before = snapshot();
                recorded = createEvent(before.fleet());
            }
            if (during == null && !now.isBefore(middle)) {
                during = snapshot();
                say("halfway through the event: %s", during.line());
            }
            if (!now.isBefore(nextProgress)) {
                say("%s%s", snapshot().line(), phase(now));
                nextProgress = nextProgress.plus(PROGRESS_EVERY);
            }
        }
        if (recorded != null && "OPT_IN".equals(recorded.getString("opt"))) {
            // after the event: what the aggregator's own response measured
            responded = response.respond(node, recorded);
        }
        DemoResult result =
                new DemoResult(fleet.size(), before, during, recorded, responded, dashboard());
        new DemoSummary(options, response).print(result, out);
        return result;
    }

    /** After the summary: one step a second in real time, so the dashboard keeps moving. */
    public void serve() throws InterruptedException {
        while (!Thread.currentThread().isInterrupted()) {
            TimeUnit.SECONDS.sleep(1);
            clock.advance(options.step());
            fleet.cycle();
        }
    }

    private String phase(Instant now) {
        if (now.isBefore(options.eventStart())) {
            return "";
        }
        return now.isBefore(options.eventEnd()) ? "  [event on]" : "  [event over]";
    }

    private void start() throws Exception {
        folder = Files.createTempDirectory("gridshift-demo-");
        vtnVertx = Vertx.vertx();
        vtn =
                new VtnVerticle(
                        new VtnConfig("GRIDSHIFT_DEMO_VTN", "127.0.0.1", 0, Duration.ofSeconds(1)),
                        new VenRegistry(),
                        new InMemoryEventStore(),
                        new OadrCodec(),
                        clock);
        vtnVertx.deployVerticle(vtn)
                .toCompletionStage()
                .toCompletableFuture()
                .get(60, TimeUnit.SECONDS);
        say("VTN on %s", vtnUrl());
        AggregatorOptions base = AggregatorOptions.ephemeral();
        // reading is open on this local demo; a change (settling an event) needs this token
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        String operatorToken = HexFormat.of().formatHex(secret);
        node =
                AggregatorNode.start(
                        base.withPorts(0, options.httpPort())
                                .withApi(
                                        base.api()
                                                .withTokens(
                                                        List.of(
                                                                ApiToken.parse(
                                                                        ApiToken.entry(
                                                                                "demo-operator",
                                                                                ApiRole.OPERATOR,
                                                                                operatorToken)))))
                                .withFleet(
                                        base.fleet()
                                                .withStaleAfter(
                                                        max(
                                                                Duration.ofMinutes(10),
                                                                options.step().multipliedBy(10))))
                                .withVen(
                                        VenOptions.of(
                                                        URI.create(vtnUrl()),
                                                        VEN_ID,
                                                        folder.resolve("ven"))
                                                .withVenId(VEN_ID)
                                                .withPollInterval(Duration.ofMillis(200)))
                                .withLedger(
                                        LedgerOptions.of(
                                                StorageOptions.h2File(folder.resolve("ledger")))),
                        clock);
        say(
                "aggregator up: embedded MQTT broker %s, H2 ledger in %s, API on port %d",
                node.mqttUri(), folder.resolve("ledger"), node.httpPort());
        say(
                "reading the API and dashboard is open; to settle an event paste this operator"
                        + " token into the dashboard: %s",
                operatorToken);
        fleet =
                DemoFleet.start(
                        options.sites(),
                        node.mqttUri(),
                        clock,
                        options.step(),
                        folder.resolve("agents"));
    }

    private JsonObject createEvent(FleetSummary fleetNow) throws Exception {
        double requested = Math.floor(fleetNow.flexKw() * options.requestShare());
        JsonObject interval =
                new JsonObject()
                        .put("duration", options.eventLength().toString())
                        .put("value", -requested);
        JsonObject event =
                new JsonObject()
                        .put("eventId", EVENT_ID)
                        .put("venIds", new JsonArray().add(VEN_ID))
                        .put("start", options.eventStart().toString())
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
                                                                new JsonArray().add(interval))));
        HttpResponse<String> created =
                http.send(
                        HttpRequest.newBuilder(URI.create(vtnUrl() + "/api/v1/events"))
                                .header("content-type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(event.encode()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException(
                    "the VTN refused the event: " + created.statusCode() + " " + created.body());
        }
        say(
                "the VTN's operator created event %s: shed %.0f kW (%.0f %% of the flexibility"
                        + " measured now) from %s for %s",
                EVENT_ID,
                requested,
                options.requestShare() * 100,
                options.eventStart(),
                options.eventLength());
        Waits.until("the VEN's decision on " + EVENT_ID, WAIT, () -> recorded().isPresent());
        JsonObject e = recorded().orElseThrow();
        say("the VEN decided %s: %s", e.getString("opt"), e.getString("reason"));
        return e;
    }

    private Optional<JsonObject> recorded() {
        return node.gridEvents().all().stream()
                .filter(e -> EVENT_ID.equals(e.getString("eventId")))
                .findFirst();
    }

    private FleetSummary summary() {
        try {
            return node.fleet().summary().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the fleet summary failed: " + e, e);
        }
    }

    private DemoSnapshot snapshot() {
        return new DemoSnapshot(clock.instant(), summary());
    }

    private String vtnUrl() {
        return "http://127.0.0.1:" + vtn.port();
    }

    private String dashboard() {
        return DashboardRoutes.present()
                ? "http://127.0.0.1:" + node.httpPort() + DashboardRoutes.PATH
                : null;
    }

    private void say(String format, Object... args) {
        out.println("[demo] " + String.format(Locale.ROOT, format, args));
        out.flush();
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Override
    public void close() {
        if (fleet != null) {
            fleet.close();
        }
        if (node != null) {
            node.close();
        }
        if (vtnVertx != null) {
            try {
                vtnVertx.close()
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                out.println("[demo] closing the VTN failed: " + e);
            }
        }
    }
}
