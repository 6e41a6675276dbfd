package io.gridshift.aggregator.ven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.gridshift.aggregator.TestVtn;
import io.gridshift.aggregator.cluster.ClusterConfigs;
import io.gridshift.aggregator.cluster.ClusterOptions;
import io.gridshift.aggregator.fleet.FleetOptions;
import io.gridshift.aggregator.fleet.FleetState;
import io.gridshift.aggregator.fleet.Origin;
import io.gridshift.aggregator.fleet.Transport;
import io.gridshift.domain.event.OptType;
import io.gridshift.domain.flex.Battery;
import io.gridshift.domain.flex.DeferrableJobs;
import io.gridshift.domain.flex.FlexEnvelope;
import io.gridshift.domain.meter.Telemetry;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import io.gridshift.domain.time.ManualClock;
import io.gridshift.vtn.VtnConfig;
import io.gridshift.vtn.VtnVerticle;
import io.gridshift.vtn.ven.VenRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
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
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The aggregator's VEN against the real VTN of {@code modules/vtn} on a real port, deciding on the
 * flexibility of a fleet kept on a real Hazelcast member: 300 kW (100 kW of deferrable jobs, a 200
 * kW battery).
 */
class VenIT {
    static final Instant T0 = Instant.parse("2026-07-01T06:00:00Z");
    static final Duration WAIT = Duration.ofSeconds(30);

    final ManualClock clock = new ManualClock(T0);
    final HttpClient http = HttpClient.newHttpClient();
    @TempDir Path folder;
    Vertx vertx;
    VenRegistry registry;
    String vtnUrl;
    HazelcastInstance hz;
    FleetState fleet;
    Ven ven;
    final List<ReceivedEvent> received = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        AtomicInteger ids = new AtomicInteger();
        registry = new VenRegistry(() -> "t" + ids.incrementAndGet());
        VtnVerticle vtn =
                TestVtn.deploy(
                        vertx,
                        new VtnConfig("GRIDSHIFT_VTN_TEST", "127.0.0.1", 0, Duration.ofSeconds(10)),
                        registry,
                        clock);
        vtnUrl = "http://127.0.0.1:" + vtn.port();

        hz =
                Hazelcast.newHazelcastInstance(
                        ClusterConfigs.member(
                                ClusterOptions.defaults()
                                        .withMemberPort(0)
                                        .withClusterName("ven-it-" + UUID.randomUUID())));
        fleet = new FleetState(hz, FleetOptions.defaults(), clock, n -> {});
        Origin origin = new Origin(Transport.MQTT, "ven-it");
        SiteId site = SiteId.of("dc-1");
        fleet.telemetry(new Telemetry(site, 1, T0, 2000, 1600, 2000, 0, null, null), origin, true)
                .get(30, TimeUnit.SECONDS);
        fleet.envelope(
                        new FlexEnvelope(
                                site,
                                T0,
                                T0.plus(Duration.ofMinutes(10)),
                                GridZone.of("Z1"),
                                2000,
                                50,
                                List.of(
                                        new DeferrableJobs(
                                                "batch",
                                                100,
                                                Duration.ofHours(1),
                                                Duration.ofMinutes(1),
                                                0.01,
                                                1.0),
                                        new Battery(
                                                "ups",
                                                200,
                                                4000,
                                                90,
                                                20,
                                                Duration.ofSeconds(1),
                                                0.05))),
                        origin)
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        await().atMost(WAIT)
                .until(() -> fleet.summary().toCompletableFuture().get().flexKw() == 300.0);
        ven = newVen(Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() throws Exception {
        ven.close();
        fleet.close();
        hz.shutdown();
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    Ven newVen(Duration pollInterval) {
        return new Ven(
                VenOptions.of(URI.create(vtnUrl), "Gridshift aggregator IT", folder)
                        .withPollInterval(pollInterval)
                        .withHttpTimeout(Duration.ofSeconds(10)),
                fleet,
                clock,
                received::add);
    }

    @Test
    void optsInWithinTheFleetsFlexibilityAndOutBeyondIt() throws Exception {
        // GIVEN a registered VEN, its venID kept in the folder
        String venId = register(ven);
        assertThat(Files.readString(folder.resolve(VenRegistration.FILE)))
                .contains("venID=" + venId);
        assertThat(poll(ven).outcome()).isEqualTo(PollResult.Outcome.IDLE);

        // WHEN an event asks for 250 kW (the fleet has 300)
        createEvent("evt-in", venId, -250);
        PollResult first = poll(ven);

        // THEN the VEN opts in, and the VTN shows it
        assertThat(first.answered())
                .singleElement()
                .satisfies(e -> assertThat(e.decision().opt()).isEqualTo(OptType.OPT_IN));
        assertThat(optType("evt-in", venId)).isEqualTo("optIn");

        // AND WHEN another asks for 400 kW
        createEvent("evt-out", venId, -400);
        PollResult second = poll(ven);

        // THEN it opts out of that one and does not answer the first again
        assertThat(second.events()).hasSize(2);
        assertThat(second.answered())
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.event().id().value()).isEqualTo("evt-out");
                            assertThat(e.decision().opt()).isEqualTo(OptType.OPT_OUT);
                            assertThat(e.decision().reason()).contains("400.0 kW");
                        });
        assertThat(optType("evt-out", venId)).isEqualTo("optOut");
        assertThat(optType("evt-in", venId)).isEqualTo("optIn");
        assertThat(poll(ven).outcome()).isEqualTo(PollResult.Outcome.IDLE);
        assertThat(ven.events())
                .extracting(e -> e.event().id().value(), ReceivedEvent::answered)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("evt-in", true),
                        org.assertj.core.groups.Tuple.tuple("evt-out", true));
    }

    @Test
    void aRestartedVenKeepsItsRegistrationAndKeepsPolling() throws Exception {
        String venId = register(ven);
        ven.close();

        // a new VEN on the same folder: no second registration
        ven = newVen(Duration.ofMillis(100));
        assertThat(register(ven)).isEqualTo(venId);
        assertThat(registry.all()).hasSize(1);

        // its timer polls and answers an event created afterwards
        ven.start();
        createEvent("evt-after-restart", venId, -100);
        await().atMost(WAIT)
                .untilAsserted(
                        () -> assertThat(optType("evt-after-restart", venId)).isEqualTo("optIn"));
        assertThat(registry.all()).hasSize(1);
    }

    @Test
    void theVenRegistersItsReportsAndCanEndItsRegistration() throws Exception {
        String venId = register(ven);
        assertThat(poll(ven).outcome()).isEqualTo(PollResult.Outcome.IDLE);
        var reg = ven.registration().current().orElseThrow();
        assertThat(ven.reports().registered(reg)).isTrue();

        ven.cancelRegistration().toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(registry.find(venId)).isEmpty();
        assertThat(folder.resolve(VenRegistration.FILE)).doesNotExist();
        assertThat(ven.registration().current()).isEmpty();
    }

    @Test
    void anAvailabilityScheduleIsSentAsAnOptAndWithdrawn() throws Exception {
        register(ven);
        OptSchedule maintenance =
                new OptSchedule(
                        "opt-maintenance-1",
                        OptType.OPT_OUT,
                        "outageRunStatus",
                        null,
                        List.of(
                                new OptSchedule.Window(
                                        T0.plus(Duration.ofDays(1)), Duration.ofHours(8))),
                        null,
                        0,
                        java.util.Set.of("dc-1"));

        ven.createOpt(maintenance).toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertThat(ven.opts()).containsExactly(maintenance);

        ven.cancelOpt("opt-maintenance-1").toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertThat(ven.opts()).isEmpty();
    }

    @Test
    void aCancelledEventIsAcknowledged() throws Exception {
        String venId = register(ven);
        createEvent("evt-cancel", venId, -100);
        poll(ven);
        assertThat(post("/api/v1/events/evt-cancel/cancel", "").statusCode()).isEqualTo(200);

        PollResult cancelled = poll(ven);

        assertThat(cancelled.answered())
                .singleElement()
                .satisfies(e -> assertThat(e.event().isCancelled()).isTrue());
        JsonObject shown = vens("evt-cancel").getJsonObject(0);
        assertThat(shown.getBoolean("pending")).isFalse();
        assertThat(shown.getJsonObject("response").getLong("modificationNumber")).isEqualTo(1);
        assertThat(poll(ven).outcome()).isEqualTo(PollResult.Outcome.IDLE);
    }

    @Test
    void aVenTheVtnForgotRegistersAgainWithItsVenId() throws Exception {
        String venId = register(ven);
        String registrationId = ven.registration().current().orElseThrow().registrationId();
        registry.cancel(venId, registrationId);

        assertThat(poll(ven).outcome()).isEqualTo(PollResult.Outcome.REREGISTERED);

        assertThat(ven.registration().current().orElseThrow().venId()).isEqualTo(venId);
        assertThat(registry.find(venId)).isPresent();
        assertThat(poll(ven).outcome()).isEqualTo(PollResult.Outcome.IDLE);
    }

    @Test
    void aVtnThatIsNotThereIsAClearError() {
        Ven lost =
                new Ven(
                        VenOptions.of(URI.create("http://127.0.0.1:1"), "lost", folder)
                                .withHttpTimeout(Duration.ofSeconds(2)),
                        fleet,
                        clock,
                        e -> {});
        assertThat(lost.pollOnce().toCompletableFuture())
                .failsWithin(WAIT)
                .withThrowableThat()
                .withMessageContaining("EiRegisterParty");
    }

    static String register(Ven v) throws Exception {
        return v.register().toCompletableFuture().get(30, TimeUnit.SECONDS).venId();
    }

    static PollResult poll(Ven v) throws Exception {
        return v.pollOnce().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    void createEvent(String id, String venId, double deltaKw) throws Exception {
        JsonObject event = VtnEvents.loadDispatch(id, venId, "2026-07-02T14:00:00Z", deltaKw);
        HttpResponse<String> created = post("/api/v1/events", event.encode());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    JsonObject response(String eventId, String venId) throws Exception {
        JsonArray vens = vens(eventId);
        for (int i = 0; i < vens.size(); i++) {
            JsonObject v = vens.getJsonObject(i);
            if (venId.equals(v.getString("venId"))) {
                return v.getJsonObject("response");
            }
        }
        return null;
    }

    String optType(String eventId, String venId) throws Exception {
        JsonObject r = response(eventId, venId);
        return r == null ? null : r.getString("optType");
    }

    JsonArray vens(String eventId) throws Exception {
        HttpResponse<String> r =
                http.send(
                        HttpRequest.newBuilder(URI.create(vtnUrl + "/api/v1/events/" + eventId))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return new JsonObject(r.body()).getJsonArray("vens");
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(vtnUrl + path))
                        .timeout(Duration.ofSeconds(10))
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
