package io.gridshift.aggregator.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

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
import io.gridshift.aggregator.AggregatorNode;
import io.gridshift.aggregator.AggregatorOptions;
import io.gridshift.aggregator.TestVtn;
import io.gridshift.aggregator.ven.VenOptions;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import io.gridshift.domain.time.ManualClock;
import io.gridshift.edge.codec.EdgeCodec;
import io.gridshift.optimizer.ZoneMarket;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole loop on real parts: simulated data centers with real edge agents over MQTT (embedded
 * HiveMQ), one aggregator node with its VEN on the real VTN of {@code modules/vtn}, 4 zones with
 * different prices and carbon. A peak-shaving event for the two dear, dirty zones is bid,
 * allocated, dispatched and tracked; 5 % of the fleet goes silent mid-event and is replaced.
 */
class EventDeliveryIT {
    /** The fleet: 100 sites, 25 per zone. */
    static final int SITES = Integer.getInteger("eventIt.sites", 100);

    /**
     * Minutes of 20 that must be within ±3 % of the commitment: the 19 (95 %). The minute
     * the silenced sites are lost cannot be: they go unheard for {@code silentAfter} (25 s) before
     * the loop replaces them. The other 19 have been within 1.5 % since the moves are counted with
     * their sites' PUE, the chilled water of sites that move jobs out is not counted twice, and a
     * read between a revision's revert and the next revision's apply no longer undoes the site's
     * moves (ADR 0007).
     */
    static final int MIN_MINUTES_WITHIN = 19;

    /** The event's mean delivery, as a share of the commitment. */
    static final double MEAN_TOLERANCE = 0.03;

    /**
     * No minute further off than this share: the minute of the silenced sites, 0.96 in the runs
     * after the fixes above (0.80 before them), 0.92 since the loop reads what is in flight as of
     * each ack's time (it waits for fresh acks before it replaces them).
     */
    static final double MINUTE_TOLERANCE = 0.2;

    /**
     * The rebound's bound on the fleet's load over its baseline: tighter than the 1.1, so
     * that the limits bind (the owing sites alone add about 2.7 % of the fleet's load in the first
     * minutes after the event).
     */
    static final double REBOUND_PEAK = 1.01;

    static final Duration WAIT = Duration.ofSeconds(60);
    static final Duration STEP = Duration.ofSeconds(10);
    static final Instant T0 = Instant.parse("2026-07-01T12:00:00Z");
    static final String[] ZONES = {"ZA", "ZB", "ZC", "ZD"};
    static final List<ZoneMarket> MARKETS =
            List.of(
                    new ZoneMarket(GridZone.of("ZA"), 0.40, 0.70),
                    new ZoneMarket(GridZone.of("ZB"), 0.35, 0.60),
                    new ZoneMarket(GridZone.of("ZC"), 0.12, 0.10),
                    new ZoneMarket(GridZone.of("ZD"), 0.18, 0.30));
    static final ReportingOptions REPORTING =
            new ReportingOptions(
                    STEP,
                    Duration.ofSeconds(10),
                    Duration.ofMinutes(5),
                    Duration.ofMinutes(10),
                    Duration.ofMillis(20));

    @TempDir Path folder;
    final ManualClock clock = new ManualClock(T0);

    /**
     * The node's clock: it follows {@link #clock} one step behind until every live site's reading
     * of the new instant is in (see {@link #step()}).
     */
    final ManualClock nodeClock = new ManualClock(T0);

    /** Whether {@link #step()} waits for the sites' readings before the node sees the instant. */
    boolean syncReadings;

    final HttpClient http = HttpClient.newHttpClient();
    final Map<String, EdgeAgent> agents = new HashMap<>();
    final Map<String, SimulatedDataCenter> sims = new HashMap<>();
    Vertx vtnVertx;
    AggregatorNode node;

    @AfterEach
    void stop() throws Exception {
        agents.values().forEach(EdgeAgent::close);
        if (node != null) {
            node.close();
        }
        if (vtnVertx != null) {
            vtnVertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aPeakShavingEventIsDeliveredThroughSilentSites() throws Exception {
        String vtnUrl = startVtn();
        EventOptions events =
                EventOptions.defaults()
                        .withMarkets(MARKETS)
                        .withSilentAfter(Duration.ofSeconds(25))
                        .withReboundPeakFactor(REBOUND_PEAK)
                        .withCheckEvery(Duration.ofMillis(50));
        node =
                AggregatorNode.start(
                        AggregatorOptions.ephemeral()
                                .withSiteRate(0, 1000)
                                .withVen(
                                        VenOptions.of(URI.create(vtnUrl), "loop-it", folder)
                                                .withVenId("ven-loop-it")
                                                .withPollInterval(Duration.ofMillis(100))
                                                // samples for the reports: each 10 s step
                                                // lasts a few hundred ms here
                                                .withReportSampleInterval(Duration.ofMillis(50))),
                        events,
                        nodeClock);
        for (int i = 0; i < SITES; i++) {
            startAgent("site-" + i, ZONES[i % ZONES.length], i + 1);
        }
        // GIVEN the fleet online with envelopes, and its load before the event
        await().atMost(WAIT)
                .until(
                        () -> {
                            step();
                            return node.fleet().summary().toCompletableFuture().get().sitesOnline()
                                    == SITES;
                        });
        await().atMost(WAIT)
                .until(() -> node.ven().orElseThrow().registration().current().isPresent());
        double baselineKw = fleetLoadKw();
        syncReadings = true;

        // WHEN the VTN asks the dear, dirty zones ZA and ZB to shed 3 % of the fleet's load for
        // 10 minutes, then 4 % for 10 more, 8 minutes ahead: time for the jobs' checkpoints (5
        // min) before the start
        double[] kw = {Math.round(baselineKw * 0.03), Math.round(baselineKw * 0.04)};
        Instant start = clock.instant().plus(Duration.ofMinutes(8));
        createEvent("evt-peak", start, kw);
        JsonObject planned = await().atMost(WAIT).until(() -> delivery("evt-peak"), d -> d != null);
        for (int i = 0; i < kw.length; i++) {
            assertThat(planned.getJsonArray("commitmentKw").getDouble(i)).isEqualTo(kw[i]);
            assertThat(planned.getJsonArray("firmKw").getDouble(i)).isGreaterThanOrEqualTo(kw[i]);
        }

        // THEN the event runs 20 minutes; 5 % of the fleet's sites in ZA/ZB go silent at minute 14
        Instant end = start.plus(Duration.ofMinutes(20));
        Instant silence = start.plus(Duration.ofMinutes(14));
        List<String> silenced = new ArrayList<>();
        while (clock.instant().isBefore(end.plus(Duration.ofMinutes(5)))) {
            if (silenced.isEmpty() && !clock.instant().isBefore(silence)) {
                silenced.addAll(silence(planned, SITES / 20));
            }
            step();
            awaitLoop(end);
            recordDelivered(start, end);
        }
        JsonObject d = delivery("evt-peak");
        assertThat(d.getString("status")).isEqualTo("COMPLETED");
        assertWithinCommitment(d, start, end);
        assertMigrationsGoGreenAndCheap(d);
        long lost =
                d.getJsonObject("sites").stream()
                        .filter(s -> ((JsonObject) s.getValue()).getBoolean("lost"))
                        .count();
        assertThat(lost).isEqualTo(silenced.size());
        // no job misses its deadline, and the rebound stays under 1.1 x the load before
        assertNoDeadlineMissed(silenced);
        assertThat(maxLoadAfter).isLessThanOrEqualTo(1.1 * baselineKw);
        // and the aggregator held it: limits sent before the end, taken, and kept
        rebound.assertHeld(d, end, REBOUND_PEAK, agents.keySet(), node.dispatch());
        VtnDeliveryReports.assertToldOf(vtn, "ven-loop-it", (kw[0] + kw[1]) / 2, start, end);
    }

    void assertNoDeadlineMissed(List<String> silenced) {
        for (Map.Entry<String, SimulatedDataCenter> s : sims.entrySet()) {
            if (!silenced.contains(s.getKey())) {
                assertThat(s.getValue().state(clock.instant()).batchDeadlinesMissed())
                        .as(s.getKey())
                        .isZero();
            }
        }
    }

    double maxLoadAfter;
    Instant endOfEvent;
    final ReboundWatch rebound = new ReboundWatch();

    /**
     * The fleet's delivered reduction at each 10 s step of the event, by minute of the event: for
     * every site of the event's zones that still reports, its counterfactual baseline (the agent's
     * shadow plant: the same site without orders) less its grid import now, the figure its
     * telemetry and acks report. A silenced site counts 0 from the moment it goes silent: nothing
     * it does can be measured or settled. Read from the simulations at the step, so that neither
     * the MQTT path nor the loop's own view decides the figure the test holds the loop to.
     */
    final Map<Long, List<Double>> deliveredByMinute = new java.util.TreeMap<>();

    void recordDelivered(Instant start, Instant end) {
        Instant now = clock.instant();
        if (now.isBefore(start) || !now.isBefore(end)) {
            return;
        }
        double kw = 0;
        for (String site : agents.keySet()) {
            if (eventZone(site)) {
                SimulatedDataCenter sim = sims.get(site);
                kw += sim.baseline(now).gridImportKw() - sim.state(now).gridImportKw();
            }
        }
        deliveredByMinute
                .computeIfAbsent(Duration.between(start, now).toMinutes(), k -> new ArrayList<>())
                .add(kw);
    }

    static boolean eventZone(String site) {
        String zone = ZONES[Integer.parseInt(site.substring("site-".length())) % ZONES.length];
        return zone.equals("ZA") || zone.equals("ZB");
    }

    /**
     * Each of the event's 20 minutes is the mean of its six steps' delivered reduction (above)
     * against the commitment; a minute counts as delivered when within ±3 %. The orders start 2 min
     * before the event (the lead), so the ramp-in is over before minute 0 and every minute counts.
     */
    void assertWithinCommitment(JsonObject d, Instant start, Instant end) {
        JsonArray commitments = d.getJsonArray("commitmentKw");
        Map<Long, double[]> loopView = new HashMap<>();
        for (Object o : d.getJsonArray("samples")) {
            JsonObject s = (JsonObject) o;
            Instant at = Instant.parse(s.getString("at"));
            if (!at.isBefore(start) && at.isBefore(end)) {
                double[] m =
                        loopView.computeIfAbsent(
                                Duration.between(start, at).toMinutes(), k -> new double[2]);
                m[0] += s.getDouble("measuredKw");
                m[1]++;
            }
        }
        LoopSteps.log(d, start);
        assertThat(deliveredByMinute).hasSize(20);
        StringBuilder table =
                new StringBuilder("minute | committed kW | delivered kW | ratio | loop");
        int good = 0;
        double sum = 0;
        double sumCommitted = 0;
        for (Map.Entry<Long, List<Double>> m : deliveredByMinute.entrySet()) {
            double kw = m.getValue().stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double committed = commitments.getDouble((int) (m.getKey() / 10));
            sumCommitted += committed;
            double[] loop = loopView.getOrDefault(m.getKey(), new double[] {0, 1});
            good += Math.abs(kw / committed - 1) <= 0.03 ? 1 : 0;
            sum += kw;
            table.append(
                    String.format(
                            java.util.Locale.ROOT,
                            "%n%6d | %12.1f | %12.1f | %5.3f | %.1f",
                            m.getKey(),
                            committed,
                            kw,
                            kw / committed,
                            loop[0] / loop[1]));
        }
        Map<Long, Integer> moves = new java.util.TreeMap<>();
        logMovesDuringTheEvent(start);
        for (SimulatedDataCenter sim : sims.values()) {
            sim.migrations().stream()
                    .filter(
                            m ->
                                    m.kind()
                                            == io.gridshift.domain.dispatch.DispatchAction.Kind
                                                    .MIGRATE_OUT)
                    .forEach(
                            m ->
                                    moves.merge(
                                            Duration.between(start, m.at()).getSeconds(),
                                            1,
                                            Integer::sum));
        }
        org.slf4j.LoggerFactory.getLogger(EventDeliveryIT.class)
                .info(
                        "event delivery, {} sites: {} of 20 minutes within 3 %, mean {}\n{}\n"
                                + "jobs moved out, by second of the event: {}",
                        SITES, good, sum / sumCommitted, table, moves);
        assertThat(good).as(table.toString()).isGreaterThanOrEqualTo(MIN_MINUTES_WITHIN);
        assertThat(sum / sumCommitted).as(table.toString()).isCloseTo(1, within(MEAN_TOLERANCE));
        for (Map.Entry<Long, List<Double>> m : deliveredByMinute.entrySet()) {
            double kw = m.getValue().stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double committed = commitments.getDouble((int) (m.getKey() / 10));
            assertThat(kw / committed).as(table.toString()).isCloseTo(1, within(MINUTE_TOLERANCE));
        }
    }

    /** Moves after the start were not planned: each is logged, to find what caused it. */
    void logMovesDuringTheEvent(Instant start) {
        for (Map.Entry<String, SimulatedDataCenter> e : sims.entrySet()) {
            e.getValue().migrations().stream()
                    .filter(m -> m.at().isAfter(start))
                    .forEach(
                            m ->
                                    org.slf4j.LoggerFactory.getLogger(EventDeliveryIT.class)
                                            .info("moved during the event: {} {}", e.getKey(), m));
        }
    }

    void assertMigrationsGoGreenAndCheap(JsonObject d) {
        Map<String, ZoneMarket> m = new HashMap<>();
        MARKETS.forEach(z -> m.put(z.zone().code(), z));
        for (Object o : d.getJsonArray("moves")) {
            JsonObject move = (JsonObject) o;
            ZoneMarket from = m.get(move.getString("fromZone"));
            ZoneMarket to = m.get(move.getString("toZone"));
            assertThat(to.pricePerKwh()).isLessThan(from.pricePerKwh());
            assertThat(to.carbonKgPerKwh()).isLessThan(from.carbonKgPerKwh());
        }
    }

    List<String> silence(JsonObject planned, int n) {
        List<String> out = new ArrayList<>();
        for (String site : planned.getJsonObject("sites").fieldNames()) {
            JsonObject p = planned.getJsonObject("sites").getJsonObject(site);
            if (out.size() < n && p.getBoolean("inEventZone") && p.getInteger("revision") > 0) {
                agents.remove(site).close();
                out.add(site);
            }
        }
        return out;
    }

    /** Moves the clock one telemetry step; every live agent reads, acts and reports. */
    void step() {
        Instant now = clock.advance(STEP);
        agents.values().forEach(EdgeAgent::cycleNow);
        if (syncReadings) {
            awaitReadingsOf(now);
        }
        nodeClock.set(now);
        if (endOfEvent != null && clock.instant().isAfter(endOfEvent)) {
            maxLoadAfter = Math.max(maxLoadAfter, fleetLoadKw());
            Map<String, SimulatedDataCenter> heard = new HashMap<>(sims);
            heard.keySet().retainAll(agents.keySet());
            node.gridEvents()
                    .delivery("evt-peak")
                    .ifPresent(d -> rebound.record(d, heard, clock.instant()));
        }
    }

    /**
     * Waits (at most 5 s, then goes on) until the node holds every live site's reading of {@code
     * now}. The agents read and report on their own threads; without this, on a busy machine the
     * node's loop could measure an instant on readings a step or more old, and the test would hold
     * the loop to a lag of the test harness rather than of the loop.
     */
    void awaitReadingsOf(Instant now) {
        try {
            await().atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(10))
                    .until(
                            () ->
                                    agents.keySet().stream().allMatch(site -> readingIn(site, now))
                                            && acksIn());
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            org.slf4j.LoggerFactory.getLogger(EventDeliveryIT.class)
                    .warn("not every site's reading of {} was in after 5 s; going on", now);
        }
    }

    /**
     * Whether the node holds every live site's ack of the revision it last sent it. The agents ack
     * a revision (with the reduction achieved) as they apply it; in real time that is milliseconds
     * within the loop's 10 s period, here a step may be shorter than the round trip, and a loop
     * reading the previous revision's kW step after step would keep ordering what is already
     * delivered.
     */
    boolean acksIn() {
        JsonObject d = node.gridEvents().delivery("evt-peak").orElse(null);
        if (d == null) {
            return true;
        }
        JsonObject parts = d.getJsonObject("sites");
        for (String site : parts.fieldNames()) {
            JsonObject p = parts.getJsonObject(site);
            if (!agents.containsKey(site) || p.getInteger("revision", 0) == 0) {
                continue;
            }
            var view =
                    node.dispatch()
                            .get(io.gridshift.domain.dispatch.DispatchId.of(p.getString("orderId")))
                            .toCompletableFuture()
                            .join();
            if (view.isEmpty()
                    || view.get().lastAck() == null
                    || view.get().lastAck().revision() < view.get().order().revision()) {
                return false;
            }
        }
        return true;
    }

    boolean readingIn(String site, Instant now) {
        return node.fleet()
                .site(SiteId.of(site))
                .toCompletableFuture()
                .join()
                .map(v -> v.latest() != null && !v.latest().ts().isBefore(now))
                .orElse(false);
    }

    /** Waits until the node's closed loop has looked at the event at this instant. */
    void awaitLoop(Instant end) {
        endOfEvent = end;
        Instant now = clock.instant();
        try {
            awaitLoopAt(now, end);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            JsonObject d = node.gridEvents().delivery("evt-peak").orElse(new JsonObject());
            d.remove("sites");
            throw new AssertionError("no loop at " + now + ": " + d.encode(), e);
        }
    }

    void awaitLoopAt(Instant now, Instant end) {
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(20))
                .until(
                        () -> {
                            JsonObject d = node.gridEvents().delivery("evt-peak").orElse(null);
                            if (d != null
                                    && now.isBefore(Instant.parse(d.getString("ordersFrom")))) {
                                return true; // orders not started: nothing to track yet
                            }
                            if (d == null || !now.isBefore(end)) {
                                return d != null
                                        && (now.isBefore(end.plus(STEP))
                                                || "COMPLETED".equals(d.getString("status")));
                            }
                            String last = d.getString("lastLoopAt");
                            return last != null
                                    && !Instant.parse(last).isBefore(now.minus(STEP).plusMillis(1));
                        });
    }

    /** The fleet's grid import now, from the live sites' simulations. */
    double fleetLoadKw() {
        double kw = 0;
        for (String site : agents.keySet()) {
            kw += sims.get(site).read(clock.instant()).gridImportKw();
        }
        return kw;
    }

    void startAgent(String site, String zone, long seed) {
        SiteId id = SiteId.of(site);
        SimulatedDataCenter sim =
                new SimulatedDataCenter(
                        SimulatedSiteOptions.typical(id, GridZone.of(zone), seed), clock.instant());
        EdgeAgent agent =
                new EdgeAgent(
                        id,
                        sim,
                        new MqttTransport(
                                MqttTransportOptions.builder(id, URI.create(node.mqttUri()))
                                        .backoff(
                                                new BackoffPolicy(
                                                        Duration.ofMillis(50),
                                                        Duration.ofMillis(500),
                                                        2.0))
                                        .build(),
                                StatusPayloads.of(id, EdgeCodec.json(), clock, "it")),
                        clock,
                        new AgentFolders(folder.resolve(site), BufferOptions.defaults()),
                        REPORTING,
                        DispatchOptions.defaults());
        agent.start();
        agents.put(site, agent);
        sims.put(site, sim);
    }

    String startVtn() throws Exception {
        vtnVertx = Vertx.vertx();
        vtn = TestVtn.deploy(vtnVertx, "VTN_LOOP_IT", clock);
        vtnBase = "http://127.0.0.1:" + vtn.port();
        return vtnBase;
    }

    /** A 20-minute event of two 10-minute intervals, {@code kw[0]} then {@code kw[1]} to shed. */
    void createEvent(String id, Instant start, double[] kw) throws Exception {
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
                                                        .put("duration", "PT10M")
                                                        .put("value", -kw[0]))
                                        .add(
                                                new JsonObject()
                                                        .put("duration", "PT10M")
                                                        .put("value", -kw[1])));
        JsonObject event =
                new JsonObject()
                        .put("eventId", id)
                        .put("venIds", new JsonArray().add("ven-loop-it"))
                        .put("groupIds", new JsonArray().add("ZA").add("ZB"))
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

    String vtnBase;
    VtnVerticle vtn;

    JsonObject delivery(String id) throws Exception {
        HttpResponse<String> r =
                http.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                "http://127.0.0.1:"
                                                        + node.httpPort()
                                                        + "/api/v1/grid-events/"
                                                        + id
                                                        + "/delivery"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 404) {
            return null;
        }
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new JsonObject(r.body());
    }
}
