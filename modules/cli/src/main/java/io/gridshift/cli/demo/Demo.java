package io.gridshift.cli.demo;

import io.gridshift.aggregator.AggregatorNode;
import io.gridshift.aggregator.AggregatorOptions;
import io.gridshift.aggregator.api.DashboardRoutes;
import io.gridshift.aggregator.api.auth.ApiRole;
import io.gridshift.aggregator.api.auth.ApiToken;
import io.gridshift.aggregator.event.EventOptions;
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
    private static final Duration EVENT_LINE_EVERY = Duration.ofMinutes(10);

    /**
     * The node's event orchestration: the defaults (closed loop every 10 s of the clock, gain 0.6,
     * 1 % deadband, orders 2 min ahead, 15 % reserve), checked every 50 ms of wall time so that the
     * loop follows the demo's clock closely. (It ran a gentler loop, gain 0.1 and 5 %, until the
     * loop counted what is in flight as of each ack's time: at 0.1 it then settled at 0.96 of the
     * commitment, at the defaults at 1.00 without a refusal.) With {@code migrate}, the zones'
     * tariffs and carbon as markets.
     */
    static EventOptions events(boolean migrate) {
        EventOptions d = EventOptions.defaults();
        EventOptions e =
                new EventOptions(
                        Duration.ofMillis(50),
                        d.loopPeriod(),
                        d.lead(),
                        d.reserveShare(),
                        d.deadband(),
                        d.gain(),
                        d.silentAfter(),
                        d.markets(),
                        d.migration(),
                        d.solver(),
                        d.reboundPeakFactor());
        return migrate ? e.withMarkets(DemoZone.markets()) : e;
    }

    private static final Duration LOOP = events(false).loopPeriod();

    private final DemoOptions options;
    private final PrintWriter out;
    private final ManualClock clock;
    private final HttpClient http = HttpClient.newHttpClient();
    private Path folder;
    private Vertx vtnVertx;
    private VtnVerticle vtn;
    private AggregatorNode node;
    private DemoFleet fleet;

    public Demo(DemoOptions options, PrintWriter out) {
        this.options = options;
        this.out = out;
        this.clock = new ManualClock(options.start());
    }

    /**
     * Runs the demo through its span and prints the summary; the parts keep running after. Until
     * the event's orders start, the clock moves in the demo's steps as fast as the parts take it;
     * from then until the orchestrator has completed the event, one closed-loop period at a time,
     * each time waiting until the loop has measured the fleet at that instant, so that the loop,
     * the agents' telemetry and their orders keep up with the accelerated clock.
     */
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
        Run r = new Run();
        while (clock.instant().isBefore(end)) {
            Duration step = r.tracking(clock.instant()) ? LOOP : coarseStep(r);
            clock.advance(step);
            fleet.cycle();
            Instant now = clock.instant();
            if (r.tracking(now)) {
                trackStep(r, now, step);
            }
            if (r.recorded == null && !now.isBefore(createAt)) {
                // the agents report on their own threads: the event's size is read from the
                // envelopes of this instant, not from a fleet whose envelopes were still on the way
                Waits.until(
                        "flexibility reported in the event zones",
                        WAIT,
                        () -> eventZoneFlexKw(summary()) > 0);
                r.before = snapshot();
                r.recorded = createEvent(r.before.fleet());
                r.delivery = awaitPlan(r.recorded);
            }
            if (r.during == null && !now.isBefore(middle)) {
                r.during = snapshot();
                say("halfway through the event: %s", r.during.line());
            }
            if (!now.isBefore(nextProgress)) {
                say("%s%s", snapshot().line(), phase(now, r));
                nextProgress = nextProgress.plus(PROGRESS_EVERY);
            }
        }
        DeliveryFigures figures = null;
        if (r.delivery != null) {
            figures =
                    DeliveryFigures.of(
                            delivery().orElse(r.delivery),
                            options.eventStart(),
                            options.eventEnd(),
                            LOOP,
                            r.meter,
                            EventMeter.movedOut(
                                    fleet.sites(),
                                    Instant.parse(r.delivery.getString("ordersFrom")),
                                    options.eventEnd()));
        }
        DemoResult result =
                new DemoResult(fleet.size(), r.before, r.during, r.recorded, figures, dashboard());
        new DemoSummary(options).print(result, out);
        return result;
    }

    /** What one run has seen so far. */
    private static final class Run {
        DemoSnapshot before;
        DemoSnapshot during;
        JsonObject recorded;
        JsonObject delivery;
        boolean done;
        Instant nextEventLine = Instant.MIN;
        final EventMeter meter = new EventMeter();

        /** From the event's first order until its delivery is over. */
        boolean tracking(Instant now) {
            return delivery != null
                    && !done
                    && !now.isBefore(Instant.parse(delivery.getString("ordersFrom")));
        }
    }

    /** The demo's step, cut short so that the clock lands on the first order's start. */
    private Duration coarseStep(Run r) {
        if (r.delivery == null || r.done) {
            return options.step();
        }
        Duration left =
                Duration.between(
                        clock.instant(), Instant.parse(r.delivery.getString("ordersFrom")));
        return left.compareTo(options.step()) < 0 && !left.isNegative() && !left.isZero()
                ? left
                : options.step();
    }

    /** One closed-loop period during the event: waits for the loop, reads the sites' meters. */
    private void trackStep(Run r, Instant now, Duration step) {
        JsonObject d = awaitLoop(now);
        r.done = isOver(d);
        if (!now.isAfter(options.eventStart()) || now.isAfter(options.eventEnd())) {
            return;
        }
        r.meter.sample(fleet.sites(), now, step);
        if (!now.isBefore(r.nextEventLine)) {
            JsonArray samples = d.getJsonArray("samples");
            JsonObject last = samples.getJsonObject(samples.size() - 1);
            say(
                    "%s  event: committed %.0f kW, delivered %.0f kW (agents' acks), %d sites"
                            + " lost",
                    now.toString().substring(11, 16),
                    last.getDouble("commitmentKw"),
                    last.getDouble("measuredKw"),
                    last.getInteger("sitesLost"));
            r.nextEventLine = now.plus(EVENT_LINE_EVERY);
        }
    }

    /** After the summary: one step a second in real time, so the dashboard keeps moving. */
    public void serve() throws InterruptedException {
        while (!Thread.currentThread().isInterrupted()) {
            TimeUnit.SECONDS.sleep(1);
            clock.advance(options.step());
            fleet.cycle();
        }
    }

    private String phase(Instant now, Run r) {
        if (now.isBefore(options.eventStart())) {
            return "";
        }
        if (now.isBefore(options.eventEnd())) {
            return "  [event on]";
        }
        return r.delivery == null ? "  [event over]" : "  [event over; loads return]";
    }

    /** After the VEN opted in: waits for the orchestrator's plan; null when it opted out. */
    private JsonObject awaitPlan(JsonObject recorded) {
        if (!"OPT_IN".equals(recorded.getString("opt"))) {
            return null;
        }
        Waits.until("the orchestrator's plan for " + EVENT_ID, WAIT, () -> delivery().isPresent());
        JsonObject d = delivery().orElseThrow();
        say(
                "the aggregator planned the event: %d sites in %s, %d jobs to move to cheaper,"
                        + " greener zones, orders from %s",
                d.getJsonObject("sites").size(),
                d.getJsonArray("zones").encode(),
                d.getJsonArray("moves").size(),
                d.getString("ordersFrom"));
        return d;
    }

    /**
     * Waits until the closed loop has measured the fleet at {@code now} (or, once the event is
     * over, until it completed the delivery); returns the delivery as it is then.
     */
    private JsonObject awaitLoop(Instant now) {
        JsonObject[] seen = new JsonObject[1];
        Waits.until(
                "the closed loop at " + now,
                WAIT,
                () -> {
                    JsonObject d = delivery().orElse(null);
                    seen[0] = d;
                    if (d == null) {
                        return false;
                    }
                    if (isOver(d)) {
                        return true;
                    }
                    if (!now.isBefore(Instant.parse(d.getString("end")))) {
                        return false;
                    }
                    String last = d.getString("lastLoopAt");
                    return last != null && Instant.parse(last).isAfter(now.minus(LOOP));
                });
        return seen[0];
    }

    private static boolean isOver(JsonObject d) {
        String status = d.getString("status");
        return "COMPLETED".equals(status) || "CANCELLED".equals(status);
    }

    private Optional<JsonObject> delivery() {
        return node.gridEvents().delivery(EVENT_ID);
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
                        events(options.migrate()),
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
                        min(options.step(), LOOP),
                        folder.resolve("agents"));
    }

    private JsonObject createEvent(FleetSummary fleetNow) throws Exception {
        double requested = Math.floor(eventZoneFlexKw(fleetNow) * options.requestShare());
        JsonObject interval =
                new JsonObject()
                        .put("duration", options.eventLength().toString())
                        .put("value", -requested);
        JsonObject event =
                new JsonObject()
                        .put("eventId", EVENT_ID)
                        .put("venIds", new JsonArray().add(VEN_ID))
                        .put("groupIds", new JsonArray(DemoZone.EVENT_ZONES))
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
                "the VTN's operator created event %s: %s to shed %.0f kW (%.0f %% of the"
                        + " flexibility measured there now) from %s for %s",
                EVENT_ID,
                String.join(" and ", DemoZone.EVENT_ZONES),
                requested,
                options.requestShare() * 100,
                options.eventStart(),
                options.eventLength());
        Waits.until("the VEN's decision on " + EVENT_ID, WAIT, () -> recorded().isPresent());
        JsonObject e = recorded().orElseThrow();
        say("the VEN decided %s: %s", e.getString("opt"), e.getString("reason"));
        return e;
    }

    /** The flexibility the sites in the event's zones report now. */
    static double eventZoneFlexKw(FleetSummary fleetNow) {
        double kw = 0;
        for (String zone : DemoZone.EVENT_ZONES) {
            var z = fleetNow.zones().get(zone);
            kw += z == null ? 0 : z.flexKw();
        }
        return kw;
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

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
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
