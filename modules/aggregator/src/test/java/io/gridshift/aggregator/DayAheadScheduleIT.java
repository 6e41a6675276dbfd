package io.gridshift.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gridshift.agent.EdgeAgent;
import io.gridshift.agent.schedule.JobEntry;
import io.gridshift.agent.schedule.JobOptions;
import io.gridshift.agent.schedule.JobState;
import io.gridshift.aggregator.schedule.ScheduleServiceOptions;
import io.gridshift.domain.schedule.PlanAck;
import io.gridshift.domain.schedule.PlanAckStatus;
import io.gridshift.domain.schedule.PlanAction;
import io.gridshift.domain.schedule.PlannedJob;
import io.gridshift.domain.schedule.SitePlan;
import io.gridshift.domain.time.ManualClock;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The day-ahead plan end to end: an aggregator node with its embedded broker and three real agents
 * (two over MQTT, one over CoAP) whose simulated sites submit flexible jobs. The agents report
 * their jobs, the node plans on the signals of a CSV file, each agent receives its plan version,
 * acks it, and starts a planned job exactly at its slot by the shared manual clock; the REST API
 * shows the plan, the savings and the acks.
 */
class DayAheadScheduleIT {
    static final Duration WAIT = Duration.ofSeconds(60);
    static final Instant T0 = Instant.parse("2026-07-01T06:00:00Z");

    @TempDir Path data;
    final ManualClock clock = new ManualClock(T0);
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

    @Test
    void sitesReportJobsTheNodePlansAndTheSitesRunThemAtThePlannedSlots() throws Exception {
        // GIVEN signals where DE is dear and dirty for the first hours and FR is cheap and clean
        Path signals = Files.createDirectories(data.resolve("signals"));
        Files.writeString(signals.resolve("zones.csv"), csv());
        ScheduleServiceOptions schedule =
                ScheduleServiceOptions.defaults()
                        .withSignalsFolder(signals)
                        .withFeed(null, Duration.ofMillis(200))
                        .withReplanInterval(Duration.ofHours(6));
        node = AggregatorNode.start(AggregatorOptions.ephemeral().withSchedule(schedule), clock);
        await().atMost(WAIT).until(node::runsSchedule);
        await().atMost(WAIT).until(() -> node.signals().orElseThrow().changes() > 0);

        // AND three sites whose agents submit flexible jobs and report them
        agents = new Agents(clock, data.resolve("agents"));
        agents.jobs = JobOptions.enabled(40, 8);
        EdgeAgent de = agents.mqtt("dc-de-1", "DE", node.mqttUri());
        EdgeAgent fr = agents.mqtt("dc-fr-1", "FR", node.mqttUri());
        EdgeAgent coap = agents.coap("dc-de-2", "DE", "coap://127.0.0.1:" + node.coapPort());
        agents.run(Duration.ofMinutes(30));
        await().atMost(WAIT)
                .untilAsserted(
                        () -> {
                            agents.run(Duration.ofSeconds(5));
                            assertThat(node.scheduleBoard().allJobs()).hasSize(3);
                            assertThat(node.fleet().sites(null, null, 0, 10).total()).isEqualTo(3);
                        });

        // WHEN the node plans
        String outcome = node.schedule().orElseThrow().replanNow("test").get(60, TimeUnit.SECONDS);

        // THEN every site gets its version and acks it, over MQTT and CoAP alike
        assertThat(outcome).startsWith("planned v1");
        for (EdgeAgent a : List.of(de, fr, coap)) {
            await().atMost(WAIT)
                    .untilAsserted(
                            () -> {
                                agents.run(Duration.ofSeconds(1));
                                assertThat(a.planAck())
                                        .hasValueSatisfying(
                                                ack -> assertThat(ack.version()).isEqualTo(1));
                            });
            assertThat(a.planAck().orElseThrow().status()).isNotEqualTo(PlanAckStatus.REJECTED);
        }
        await().atMost(WAIT)
                .untilAsserted(
                        () ->
                                assertThat(get("/api/v1/schedule").getInteger("sitesAcked"))
                                        .isEqualTo(3));
        JsonObject plan = get("/api/v1/schedule");
        assertThat(plan.getString("status")).isEqualTo("planned");
        assertThat(plan.getInteger("version")).isEqualTo(1);
        assertThat(plan.getJsonObject("planned").getInteger("jobs")).isPositive();
        assertThat(plan.getJsonObject("planned").getDouble("cost"))
                .as("never dearer than at arrival, on the forecast it planned on")
                .isLessThanOrEqualTo(plan.getJsonObject("atArrival").getDouble("cost") + 1e-6);
        assertThat(plan.getJsonObject("savings").getDouble("cost")).isPositive();
        assertThat(plan.getJsonArray("zones").size()).isGreaterThanOrEqualTo(1);
        JsonObject site = get("/api/v1/schedule/sites/dc-de-1");
        assertThat(site.getInteger("version")).isEqualTo(1);
        assertThat(site.getJsonObject("ack")).isNotNull();

        aPlannedJobStartsAtItsSlot(List.of(de, fr, coap), plan);
    }

    /** A job planned to start later starts exactly at its slot, by the agents' clock. */
    private void aPlannedJobStartsAtItsSlot(List<EdgeAgent> sites, JsonObject plan) {
        for (EdgeAgent a : sites) {
            Optional<PlannedJob> later = laterRun(a);
            if (later.isEmpty()) {
                continue;
            }
            SitePlan p = a.plan().orElseThrow();
            Instant start = p.slotStart(later.get().firstSlot());
            String job = later.get().job();
            agents.runUntil(start.minusSeconds(5));
            assertThat(entry(a, job).state()).as("held until its slot").isEqualTo(JobState.QUEUED);
            agents.runUntil(start);
            assertThat(entry(a, job).state()).isEqualTo(JobState.RUNNING);
            assertThat(entry(a, job).firstStart()).isEqualTo(start);
            return;
        }
        throw new AssertionError(
                "no site had a job planned to start later than now: " + plan.encode());
    }

    /** A RUN the site accepted whose first slot is still ahead and whose job has not started. */
    private Optional<PlannedJob> laterRun(EdgeAgent a) {
        SitePlan p = a.plan().orElseThrow();
        PlanAck ack = a.planAck().orElseThrow();
        return p.jobs().stream()
                .filter(j -> j.action() == PlanAction.RUN)
                .filter(j -> ack.rejected().stream().noneMatch(r -> r.job().equals(j.job())))
                .filter(j -> p.slotStart(j.firstSlot()).isAfter(clock.instant().plusSeconds(10)))
                .filter(j -> entry(a, j.job()).firstStart() == null)
                .findFirst();
    }

    private static JobEntry entry(EdgeAgent a, String job) {
        return a.flexibleJobs().stream()
                .filter(e -> e.job().id().equals(job))
                .findFirst()
                .orElseThrow();
    }

    /** Hourly DE and FR from T0 - 2 h for 52 h: DE dear and dirty for 6 h, then cheap. */
    private static String csv() {
        StringBuilder out = new StringBuilder("time_utc,zone,price_per_mwh,carbon_g_per_kwh\n");
        for (String zone : new String[] {"DE", "FR"}) {
            for (int h = -2; h < 50; h++) {
                Instant t = T0.plus(Duration.ofHours(h));
                boolean peak = h >= 0 && h < 6;
                double price = zone.equals("DE") ? (peak ? 250 : 60) : (peak ? 90 : 70);
                double carbon = zone.equals("DE") ? (peak ? 600 : 300) : 60;
                out.append(t)
                        .append(',')
                        .append(zone)
                        .append(',')
                        .append(price)
                        .append(',')
                        .append(carbon)
                        .append('\n');
            }
        }
        return out.toString();
    }

    private JsonObject get(String path) throws Exception {
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
