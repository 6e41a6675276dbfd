package io.gridshift.aggregator.ven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.gridshift.aggregator.TestVtn;
import io.gridshift.aggregator.cluster.ClusterConfigs;
import io.gridshift.aggregator.cluster.ClusterOptions;
import io.gridshift.aggregator.cluster.FreePort;
import io.gridshift.aggregator.fleet.FleetOptions;
import io.gridshift.aggregator.fleet.FleetState;
import io.gridshift.aggregator.fleet.Origin;
import io.gridshift.aggregator.fleet.Transport;
import io.gridshift.domain.flex.Battery;
import io.gridshift.domain.flex.FlexEnvelope;
import io.gridshift.domain.meter.Telemetry;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import io.gridshift.domain.time.ManualClock;
import io.gridshift.fixtures.tls.TlsMaterial;
import io.gridshift.openadr.codec.OadrCodec;
import io.gridshift.openadr.security.OadrFingerprint;
import io.gridshift.vtn.PushPolicy;
import io.gridshift.vtn.VtnConfig;
import io.gridshift.vtn.VtnTls;
import io.gridshift.vtn.VtnVerticle;
import io.gridshift.vtn.ven.VenRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The aggregator's VEN and the real VTN over HTTPS with mutual TLS, certificates made by openssl at
 * test time: pull with reports, push, and a VTN whose certificate is not the one pinned.
 */
class VenTlsIT {
    static final Instant T0 = Instant.parse("2026-07-01T06:00:00Z");
    static final Duration WAIT = Duration.ofSeconds(30);
    static TlsMaterial tls;

    @TempDir Path folder;
    final ManualClock clock = new ManualClock(T0);
    Vertx vertx;
    VtnVerticle vtn;
    HazelcastInstance hz;
    FleetState fleet;
    Ven ven;
    HttpClient operator;

    @BeforeAll
    static void certificates() {
        tls =
                TlsMaterial.create("unused")
                        .addParty("ven-agg")
                        .addParty("operator")
                        .addParty("impostor");
    }

    @AfterAll
    static void removeCertificates() {
        tls.close();
    }

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        VtnConfig config =
                new VtnConfig("VTN_TLS_IT", "127.0.0.1", 0, Duration.ofSeconds(10))
                        .withTls(
                                new VtnTls(tls.serverPem(), tls.serverKey(), tls.caPem(), Set.of()))
                        .withFolder(folder.resolve("vtn"))
                        .withReportGranularity(Duration.ofMinutes(1))
                        .withPush(
                                new PushPolicy(
                                        3,
                                        Duration.ofMillis(20),
                                        Duration.ofMillis(50),
                                        Duration.ofSeconds(5)));
        Files.createDirectories(folder.resolve("vtn"));
        vtn =
                TestVtn.deploy(
                        vertx,
                        config,
                        new VenRegistry(() -> "x", folder.resolve("vtn/vens.json")),
                        clock);
        operator = HttpClient.newBuilder().sslContext(venTls("operator", null).context()).build();
        hz =
                Hazelcast.newHazelcastInstance(
                        ClusterConfigs.member(
                                ClusterOptions.defaults()
                                        .withMemberPort(0)
                                        .withClusterName(
                                                "ven-tls-it-" + java.util.UUID.randomUUID())));
        fleet = new FleetState(hz, FleetOptions.defaults(), clock, n -> {});
        Origin origin = new Origin(Transport.MQTT, "ven-tls-it");
        SiteId site = SiteId.of("dc-1");
        fleet.telemetry(new Telemetry(site, 1, T0, 2000, 1600, 2000, 0, null, null), origin, true)
                .get(30, TimeUnit.SECONDS);
        fleet.envelope(
                        new FlexEnvelope(
                                site,
                                T0,
                                T0.plus(Duration.ofDays(1)),
                                GridZone.of("Z1"),
                                2000,
                                0,
                                List.of(
                                        new Battery(
                                                "ups",
                                                300,
                                                4000,
                                                90,
                                                20,
                                                Duration.ofSeconds(1),
                                                0.05))),
                        origin)
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        if (ven != null) {
            ven.close();
        }
        fleet.close();
        hz.shutdown();
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void pullOverMutualTlsWithTheVtnPinnedAndTheFleetsReports() throws Exception {
        ven = newVen(options(venTls("ven-agg", fingerprint(tls.serverPem()))));

        // GIVEN a VEN registered over mutual TLS, bound to its certificate at the VTN
        ven.register().toCompletableFuture().get(30, TimeUnit.SECONDS);
        JsonObject shown = get("/api/v1/vens/ven-agg");
        assertThat(shown.getString("fingerprint")).isEqualTo(fingerprint(tls.pem("ven-agg")));

        // WHEN it polls, its reports are registered and the VTN requests usage and status
        assertThat(poll().outcome()).isIn(PollResult.Outcome.IDLE, PollResult.Outcome.REPORTS);
        // telemetry usage and status, and the standing settlement request
        await().atMost(WAIT).until(() -> ven.reports().pending().size() == 3);

        // AND the fleet is sampled through a minute and past its end
        clock.advance(Duration.ofSeconds(30));
        ven.reportOnce().toCompletableFuture().get(30, TimeUnit.SECONDS);
        clock.advance(Duration.ofMinutes(3));
        ven.reportOnce().toCompletableFuture().get(30, TimeUnit.SECONDS);

        // THEN the VTN holds the fleet's demand: 2000 kW
        JsonArray data = get("/api/v1/reports?venId=ven-agg").getJsonArray("data");
        assertThat(data.stream().map(JsonObject.class::cast))
                .anySatisfy(
                        p -> {
                            assertThat(p.getString("rId")).isEqualTo("fleet-demand");
                            assertThat(p.getDouble("value")).isEqualTo(2000.0);
                        });

        // AND an event is opted in over the same TLS
        createEvent("evt-tls", -250);
        poll();
        await().atMost(WAIT).until(() -> "optIn".equals(optType("evt-tls")));
    }

    @Test
    void aVtnWhoseCertificateIsNotThePinnedOneIsRefusedBeforeAnythingIsSent() throws Exception {
        ven = newVen(options(venTls("ven-agg", fingerprint(tls.pem("impostor")))).withRetries(0));

        assertThat(ven.register().toCompletableFuture())
                .failsWithin(WAIT)
                .withThrowableThat()
                .withMessageContaining("EiRegisterParty");
        assertThat(get("/api/v1/vens").getJsonArray("vens")).isEmpty();
    }

    @Test
    void theVtnPushesEventsToTheVensOwnEndpointOverMutualTls() throws Exception {
        int port = FreePort.tcp();
        VenTls venTls = venTls("ven-agg", fingerprint(tls.serverPem()));
        VenOptions o =
                options(venTls)
                        .withPushUrl(
                                URI.create("https://127.0.0.1:" + port + "/OpenADR2/Simple/2.0b"));
        ven = newVen(o);
        vertx.deployVerticle(
                        new VenPushServer(
                                "127.0.0.1",
                                port,
                                "/OpenADR2/Simple/2.0b",
                                venTls,
                                new OadrCodec(),
                                ven,
                                null))
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        ven.register().toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertThat(get("/api/v1/vens/ven-agg").getBoolean("pull")).isFalse();

        // WHEN the VTN's operator creates an event THEN it is pushed, decided and answered
        createEvent("evt-push", -100);
        await().atMost(WAIT).until(() -> "optIn".equals(optType("evt-push")));
        assertThat(ven.events()).singleElement().satisfies(e -> assertThat(e.answered()).isTrue());
    }

    // --- helpers

    Ven newVen(VenOptions options) {
        return new Ven(options, fleet, clock, e -> {});
    }

    VenOptions options(VenTls venTls) {
        return VenOptions.of(URI.create("https://127.0.0.1:" + vtn.port()), "aggregator", folder)
                .withVenId("ven-agg")
                .withTls(venTls);
    }

    static VenTls venTls(String party, String vtnFingerprint) {
        return new VenTls(
                tls.keyStore(party),
                TlsMaterial.STORE_PASSWORD,
                tls.trustStore(),
                TlsMaterial.STORE_PASSWORD,
                vtnFingerprint,
                null);
    }

    static String fingerprint(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return OadrFingerprint.of(
                    (X509Certificate)
                            CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
    }

    PollResult poll() throws Exception {
        return ven.pollOnce().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    String optType(String eventId) throws Exception {
        JsonArray vens = get("/api/v1/events/" + eventId).getJsonArray("vens");
        for (int i = 0; i < vens.size(); i++) {
            JsonObject r = vens.getJsonObject(i).getJsonObject("response");
            if (r != null) {
                return r.getString("optType");
            }
        }
        return null;
    }

    void createEvent(String id, double kw) throws Exception {
        JsonObject event = VtnEvents.loadDispatch(id, "ven-agg", "2026-07-02T14:00:00Z", kw);
        HttpResponse<String> r =
                operator.send(
                        HttpRequest.newBuilder(URI.create(url("/api/v1/events")))
                                .header("content-type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(event.encode()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    }

    JsonObject get(String path) throws Exception {
        HttpResponse<String> r =
                operator.send(
                        HttpRequest.newBuilder(URI.create(url(path))).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new JsonObject(r.body());
    }

    String url(String path) {
        return "https://127.0.0.1:" + vtn.port() + path;
    }
}
