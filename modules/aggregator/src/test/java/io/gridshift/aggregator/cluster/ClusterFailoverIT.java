package io.gridshift.aggregator.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gridshift.agent.dispatch.OrderRecord;
import io.gridshift.domain.dispatch.Ack;
import io.gridshift.domain.dispatch.AckStatus;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.storage.db.Database;
import io.gridshift.storage.db.StorageOptions;
import io.gridshift.storage.ledger.Ledger;
import io.gridshift.storage.ledger.LedgerReader;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fail-over on real processes: three aggregator JVMs on loopback (TCP-IP member list), Mosquitto,
 * PostgreSQL as the shared ledger, the real VTN, 50 edge agents with simulated data centers. The
 * node orchestrating a running event is killed with SIGKILL; another takes the event's lease,
 * reconciles the delivery with the order map and goes on. {@code -DclusterFailover.kills=10} kills
 * the orchestrator ten times in one longer event (restarting each killed node) and prints p50 and
 * p99: the benchmark of {@code test-harness/bench/cluster-failover.sh}.
 */
class ClusterFailoverIT {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterFailoverIT.class);
    static final int SITES = Integer.getInteger("clusterFailover.sites", 50);
    static final int KILLS = Integer.getInteger("clusterFailover.kills", 1);
    static final long LOOP_MS = 1000;
    static final String EVENT = "evt-failover";

    /**
     * What the test holds a fail-over to (kill to the first loop step of the new orchestrator). The
     * issue's goal is 5 s and is printed; this looser bound catches a broken fail-over, not a slow
     * CI machine (3 JVMs and 50 agents on 2 cores).
     */
    static final Duration FAILOVER_BOUND = Duration.ofSeconds(20);

    @TempDir Path folder;
    ClusterHarness cluster;

    @AfterEach
    void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void theEventSurvivesItsOrchestratorsDeathWithNoOrderLostOrAppliedTwice() throws Exception {
        cluster = new ClusterHarness(folder, 3, LOOP_MS);
        cluster.startAgents(SITES, Duration.ofSeconds(1));
        await().atMost(ClusterHarness.UP).until(() -> cluster.sitesOnline() == SITES);
        double load = cluster.get("/api/v1/fleet").getDouble("loadKw");

        // GIVEN an event for the fleet's zone, running and tracked by one node
        // a kill, a take-over and a restart take about 45 s on a loaded 2-core machine
        Duration length = Duration.ofSeconds(KILLS == 1 ? 40 : 75L * KILLS);
        Instant start = Instant.now().plusSeconds(6);
        cluster.createEvent(EVENT, start, length, Math.round(load * 0.04));
        List<Long> failovers = new ArrayList<>();
        List<Long> pauses = new ArrayList<>();
        for (int k = 0; k < KILLS; k++) {
            // WHEN the node orchestrating it is killed (SIGKILL) with the loop running
            JsonObject before = awaitTracked(k == 0 ? 4 : 3);
            String leader = before.getString("orchestrator");
            NodeProcess victim = cluster.byId(leader);
            assertThat(victim).as("orchestrator %s is one of the nodes", leader).isNotNull();
            Instant lastBefore = lastSample(before);
            Instant killedAt = Instant.now();
            victim.kill();
            // THEN another node resumes the tracking
            JsonObject after = awaitResumed(leader, killedAt);
            Instant firstAfter = firstSampleAfter(after, killedAt);
            long failover = Duration.between(killedAt, firstAfter).toMillis();
            long pause = Duration.between(lastBefore, firstAfter).toMillis();
            failovers.add(failover);
            pauses.add(pause);
            LOG.info(
                    "fail-over {}: {} killed, {} took over; kill to tracking resumed {} ms,"
                            + " tracking paused {} ms (loop every {} ms)",
                    k + 1,
                    leader,
                    after.getString("orchestrator"),
                    failover,
                    pause,
                    LOOP_MS);
            assertThat(Duration.ofMillis(failover)).isLessThan(FAILOVER_BOUND);
            if (k + 1 < KILLS) {
                restart(victim);
            }
        }
        printFigures(failovers, pauses);

        // THEN the event completes, every order's last revision reached its site once and its
        // ack is in the ledger
        JsonObject done =
                await().atMost(length.plusSeconds(60))
                        .pollInterval(Duration.ofMillis(500))
                        .until(() -> delivery(), d -> "COMPLETED".equals(d.getString("status")));
        assertNothingLostOrRepeated(done);
    }

    /**
     * The documented bound of telemetry lost while one node stops and one starts, per restart: the
     * QoS 0 readings Mosquitto had handed to the stopping node's client and it had not filed, and
     * those the broker sent to a share-group member whose connection was closing. Measured here 0
     * to a few per restart with 50 sites a second; bounded by one second of the fleet's readings
     * (the agents' period) divided among the nodes, per restart.
     */
    static int lossBound(int restarts) {
        return restarts * Math.max(10, SITES);
    }

    @Test
    void restartingEveryNodeInTurnLosesNoTelemetryBeyondTheBound() throws Exception {
        cluster = new ClusterHarness(folder, 3, LOOP_MS);
        Instant since = Instant.now();
        cluster.startAgents(SITES, Duration.ofSeconds(1));
        await().atMost(ClusterHarness.UP).until(() -> cluster.sitesOnline() == SITES);

        // WHEN every node is stopped and started again in turn while the fleet reports
        for (int i = 0; i < cluster.nodes.size(); i++) {
            NodeProcess old = cluster.nodes.get(i);
            old.stop();
            NodeProcess again = cluster.startNode(i, generation.incrementAndGet());
            cluster.nodes.set(i, again);
            again.awaitUp(ClusterHarness.UP);
        }
        // THEN every reading the agents sent is in the fleet's telemetry, but for the bound
        // (an agent may send one more reading between its count and its close)
        long sent = 0;
        for (var agent : cluster.agents.values()) {
            sent += agent.stats().telemetrySent();
            agent.close();
        }
        long seen =
                await().atMost(Duration.ofSeconds(20))
                        .pollInterval(Duration.ofSeconds(1))
                        .until(
                                () -> readingsSeen(since),
                                new java.util.function.Predicate<Long>() {
                                    long last = -1;

                                    @Override
                                    public boolean test(Long n) {
                                        boolean settled = n == last;
                                        last = n;
                                        return settled;
                                    }
                                });
        long lost = sent - seen;
        String line =
                String.format(
                        "rolling restart of %d nodes, %d sites at 1 reading/s: %d readings sent,"
                                + " %d seen, %d lost (bound %d)",
                        cluster.nodes.size(), SITES, sent, seen, lost, lossBound(3));
        LOG.info(line);
        printLine(line);
        assertThat(lost).isBetween((long) -SITES, (long) lossBound(cluster.nodes.size()));
    }

    long readingsSeen(Instant since) throws Exception {
        long n = 0;
        for (String site : cluster.agents.keySet()) {
            JsonObject t = cluster.get("/api/v1/sites/" + site + "/telemetry?since=" + since);
            java.util.Set<Long> seqs = new java.util.HashSet<>();
            if (t != null) {
                t.getJsonArray("samples").forEach(o -> seqs.add(((JsonObject) o).getLong("seq")));
            }
            n += seqs.size();
        }
        return n;
    }

    @SuppressWarnings("checkstyle:noPrint")
    static void printLine(String line) {
        System.out.println("BENCH " + line);
    }

    JsonObject delivery() throws Exception {
        JsonObject d = cluster.get("/api/v1/grid-events/" + EVENT + "/delivery");
        return d == null ? new JsonObject() : d;
    }

    JsonObject awaitTracked(int samples) {
        return await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        this::delivery,
                        d ->
                                d.getString("orchestrator") != null
                                        && cluster.byId(d.getString("orchestrator")) != null
                                        && samplesSince(d, Instant.now().minusSeconds(5))
                                                >= samples - 1
                                        && d.getJsonArray("samples", new JsonArray()).size()
                                                >= samples);
    }

    JsonObject awaitResumed(String dead, Instant killedAt) {
        return await().atMost(FAILOVER_BOUND.plusSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        this::delivery,
                        d ->
                                !dead.equals(d.getString("orchestrator"))
                                        && d.getString("orchestrator") != null
                                        && samplesSince(d, killedAt) > 0);
    }

    void restart(NodeProcess victim) throws Exception {
        int i = cluster.nodes.indexOf(victim);
        NodeProcess again = cluster.startNode(i, generation.incrementAndGet());
        cluster.nodes.set(i, again);
        again.awaitUp(ClusterHarness.UP);
    }

    final AtomicInteger generation = new AtomicInteger();

    static Instant lastSample(JsonObject d) {
        JsonArray s = d.getJsonArray("samples");
        return Instant.parse(s.getJsonObject(s.size() - 1).getString("at"));
    }

    static int samplesSince(JsonObject d, Instant since) {
        int n = 0;
        for (Object o : d.getJsonArray("samples", new JsonArray())) {
            if (Instant.parse(((JsonObject) o).getString("at")).isAfter(since)) {
                n++;
            }
        }
        return n;
    }

    static Instant firstSampleAfter(JsonObject d, Instant since) {
        for (Object o : d.getJsonArray("samples")) {
            Instant at = Instant.parse(((JsonObject) o).getString("at"));
            if (at.isAfter(since)) {
                return at;
            }
        }
        throw new AssertionError("no sample after " + since);
    }

    void assertNothingLostOrRepeated(JsonObject done) throws Exception {
        // no revision of any order was carried out twice at a site
        for (Map.Entry<String, CountingSite> s : cluster.sites.entrySet()) {
            s.getValue()
                    .applied
                    .forEach(
                            (rev, n) ->
                                    assertThat(n.get())
                                            .as("%s applied at %s", rev, s.getKey())
                                            .isEqualTo(1));
        }
        int checked = 0;
        try (Database db =
                Database.open(
                        StorageOptions.postgres(cluster.pg.jdbcUrl(), cluster.pg.user(), null))) {
            LedgerReader ledger = new Ledger(db.dataSource(), Clock.systemUTC()).reader();
            for (String site : done.getJsonObject("sites").fieldNames()) {
                JsonObject p = done.getJsonObject("sites").getJsonObject(site);
                int rev = p.getInteger("revision");
                if (rev == 0 || p.getBoolean("lost")) {
                    continue;
                }
                String orderId = p.getString("orderId");
                // every revision the delivery ends with was answered, and the answer is in the
                // ledger: acks reconciled across the fail-over
                List<Ack> acks =
                        await().atMost(Duration.ofSeconds(20))
                                .until(
                                        () -> ledger.acks(DispatchId.of(orderId)),
                                        a -> a.stream().anyMatch(x -> x.revision() == rev));
                Ack last = acks.stream().filter(a -> a.revision() == rev).findFirst().get();
                // the site holds that revision, or refused it and kept the one before (a last
                // loop step's revision after the window, or more kW than a resource had left):
                // answered either way, none lost
                OrderRecord held =
                        cluster.agents.get(site).orders().stream()
                                .filter(o -> o.order().id().value().equals(orderId))
                                .findFirst()
                                .orElseThrow(() -> new AssertionError(site + " has no order"));
                if (last.status() == AckStatus.REJECTED) {
                    assertThat(held.order().revision()).as(site).isLessThan(rev);
                } else {
                    assertThat(held.order().revision()).as(site).isEqualTo(rev);
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(0);
        LOG.info("{} orders checked: each revision applied once, the last one acked", checked);
    }

    @SuppressWarnings("checkstyle:noPrint")
    static void printFigures(List<Long> failovers, List<Long> pauses) {
        List<Long> f = new ArrayList<>(failovers);
        List<Long> p = new ArrayList<>(pauses);
        Collections.sort(f);
        Collections.sort(p);
        String line =
                String.format(
                        "cluster fail-over over %d kills: kill to tracking resumed p50 %d ms,"
                                + " p99 %d ms, max %d ms; tracking pause p50 %d ms, p99 %d ms",
                        f.size(),
                        percentile(f, 0.50),
                        percentile(f, 0.99),
                        f.get(f.size() - 1),
                        percentile(p, 0.50),
                        percentile(p, 0.99));
        LOG.info(line);
        System.out.println("BENCH " + line);
    }

    static long percentile(List<Long> sorted, double q) {
        int i = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
