package io.gridshift.vtn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gridshift.domain.time.ManualClock;
import io.gridshift.fixtures.tls.TlsMaterial;
import io.gridshift.openadr.codec.OadrCodec;
import io.gridshift.openadr.security.OadrFingerprint;
import io.gridshift.vtn.event.InMemoryEventStore;
import io.gridshift.vtn.ven.VenRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openadr.oadr20b.OadrCancelReportType;
import org.openadr.oadr20b.OadrCanceledOptType;
import org.openadr.oadr20b.OadrCreatePartyRegistrationType;
import org.openadr.oadr20b.OadrCreateReportType;
import org.openadr.oadr20b.OadrCreatedOptType;
import org.openadr.oadr20b.OadrCreatedPartyRegistrationType;
import org.openadr.oadr20b.OadrDistributeEventType;
import org.openadr.oadr20b.OadrRegisteredReportType;
import org.openadr.oadr20b.OadrReportRequestType;
import org.openadr.oadr20b.OadrResponseType;
import org.openadr.oadr20b.OadrUpdatedReportType;
import org.openadr.oadr20b.ei.OptTypeType;

/**
 * The VTN over HTTPS with mutual TLS 1.2 (certificates made by openssl at test time), VENs with
 * their own certificates: registration bound to the certificate, push with retries, reports, opts.
 */
class VtnTlsIT {
    static TlsMaterial tls;

    final ManualClock clock = ManualClock.at("2025-07-15T12:00:00Z");
    @TempDir Path folder;
    Vertx vertx;
    VtnVerticle vtn;

    @BeforeAll
    static void certificates() {
        tls = TlsMaterial.create("unused").addParty("ven-a").addParty("ven-b").addParty("ven-p");
    }

    @AfterAll
    static void removeCertificates() {
        tls.close();
    }

    @BeforeEach
    void vertx() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    VtnConfig config(Set<String> fingerprints) {
        return new VtnConfig("GRIDSHIFT_VTN_TLS", "127.0.0.1", 0, Duration.ofSeconds(10))
                .withTls(new VtnTls(tls.serverPem(), tls.serverKey(), tls.caPem(), fingerprints))
                .withFolder(folder)
                .withReportGranularity(Duration.ofMinutes(5))
                .withPush(
                        new PushPolicy(
                                3,
                                Duration.ofMillis(20),
                                Duration.ofMillis(50),
                                Duration.ofSeconds(5)));
    }

    TestVen start(VtnConfig config, String party) throws Exception {
        vtn =
                new VtnVerticle(
                        config,
                        new VenRegistry(() -> "x", config.folder().resolve("vens.json")),
                        new InMemoryEventStore(),
                        new OadrCodec(),
                        clock);
        vertx.deployVerticle(vtn)
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        return new TestVen(vtn.port(), tls, party);
    }

    static String fingerprint(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return OadrFingerprint.of(
                    (X509Certificate)
                            CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
    }

    @Test
    void aRegistrationIsBoundToItsCertificateAndSurvivesARestart() throws Exception {
        TestVen a = start(config(Set.of()), "ven-a");
        TestVen b = new TestVen(vtn.port(), tls, "ven-b");
        // GIVEN ven-a registered with its certificate
        OadrCreatedPartyRegistrationType reg =
                a.send("EiRegisterParty", Msg.register("ven-a", null))
                        .body(OadrCreatedPartyRegistrationType.class);
        assertThat(reg.getEiResponse().getResponseCode()).isEqualTo("200");
        JsonObject shown = a.get("/api/v1/vens/ven-a").json();
        assertThat(shown.getString("fingerprint")).isEqualTo(fingerprint(tls.pem("ven-a")));

        // WHEN another certificate speaks for ven-a THEN 463, for polls and registrations alike
        assertThat(code(b.send("OadrPoll", Msg.poll("ven-a")).body(OadrResponseType.class)))
                .isEqualTo("463");
        assertThat(
                        b.send("EiRegisterParty", Msg.register("ven-a", null))
                                .body(OadrCreatedPartyRegistrationType.class)
                                .getEiResponse()
                                .getResponseCode())
                .isEqualTo("463");
        // the venID in another letter case is the same VEN
        assertThat(code(a.send("OadrPoll", Msg.poll("VEN-A")).body(OadrResponseType.class)))
                .isEqualTo("200");

        // WHEN the VTN restarts on the same folder THEN the registration and its binding are kept
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        vertx = Vertx.vertx();
        TestVen again = start(config(Set.of()), "ven-a");
        assertThat(code(again.send("OadrPoll", Msg.poll("ven-a")).body(OadrResponseType.class)))
                .isEqualTo("200");
        TestVen other = new TestVen(vtn.port(), tls, "ven-b");
        assertThat(code(other.send("OadrPoll", Msg.poll("ven-a")).body(OadrResponseType.class)))
                .isEqualTo("463");
    }

    @Test
    void onlyPreRegisteredCertificatesMayRegister() throws Exception {
        TestVen a = start(config(Set.of(fingerprint(tls.pem("ven-a")))), "ven-a");
        TestVen b = new TestVen(vtn.port(), tls, "ven-b");
        OadrCreatePartyRegistrationType registration = Msg.register("ven-b", null);
        assertThat(
                        b.send("EiRegisterParty", registration)
                                .body(OadrCreatedPartyRegistrationType.class)
                                .getEiResponse()
                                .getResponseCode())
                .isEqualTo("463");
        assertThat(code(b.send("OadrPoll", Msg.poll("ven-b")).body(OadrResponseType.class)))
                .isEqualTo("463");
        assertThat(
                        a.send("EiRegisterParty", Msg.register("ven-a", null))
                                .body(OadrCreatedPartyRegistrationType.class)
                                .getEiResponse()
                                .getResponseCode())
                .isEqualTo("200");
    }

    @Test
    void eventsArePushedWithRetriesAndFallBackToThePoll() throws Exception {
        TestVen p = start(config(Set.of()), "ven-p");
        try (PushReceiver receiver = new PushReceiver(vertx, tls, "ven-p")) {
            // the VEN answers every pushed distribute with an opt-in of each event
            receiver.answer =
                    m -> {
                        if (!(m instanceof OadrDistributeEventType d)) {
                            return PushReceiver.ok();
                        }
                        var e = d.getOadrEvent().get(0).getEiEvent().getEventDescriptor();
                        return Msg.createdEvent(
                                "ven-p",
                                d.getRequestID(),
                                e.getEventID(),
                                e.getModificationNumber(),
                                OptTypeType.OPT_IN);
                    };
            receiver.failFirst.set(2);
            assertThat(
                            p.send("EiRegisterParty", Msg.register("ven-p", receiver.address()))
                                    .body(OadrCreatedPartyRegistrationType.class)
                                    .getEiResponse()
                                    .getResponseCode())
                    .isEqualTo("200");
            assertThat(p.get("/api/v1/vens/ven-p").json().getBoolean("pull")).isFalse();

            // WHEN an event is created THEN it is pushed (after two refusals) and the opt-in kept
            assertThat(p.postJson("/api/v1/events", event("evt-push", "ven-p")).status())
                    .isEqualTo(201);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> receiver.messages(OadrDistributeEventType.class).size() == 1);
            assertThat(receiver.refused.get()).isEqualTo(2);
            assertThat(receiver.received.peek().vtnFingerprint())
                    .isEqualTo(fingerprint(tls.serverPem()));
            assertThat(receiver.received.peek().service()).isEqualTo("EiEvent");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> responses(p, "evt-push").size() == 1);
            assertThat(responses(p, "evt-push").getJsonObject(0).getString("optType"))
                    .isEqualTo("optIn");

            // WHEN it is modified THEN modification 1 is pushed with its date and reason
            clock.advance(Duration.ofMinutes(1));
            JsonObject modified =
                    new JsonObject(event("evt-push", "ven-p")).put("reason", "deeper shed");
            assertThat(p.putJson("/api/v1/events/evt-push", modified.encode()).status())
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> receiver.messages(OadrDistributeEventType.class).size() == 2);
            var descriptor =
                    receiver.messages(OadrDistributeEventType.class)
                            .get(1)
                            .getOadrEvent()
                            .get(0)
                            .getEiEvent()
                            .getEventDescriptor();
            assertThat(descriptor.getModificationNumber()).isEqualTo(1);
            assertThat(descriptor.getModificationReason()).isEqualTo("deeper shed");
            assertThat(descriptor.getModificationDateTime().toString())
                    .isEqualTo("2025-07-15T12:01:00Z");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> responses(p, "evt-push").size() == 2);

            // WHEN the VEN cannot be reached THEN the cancellation waits for its poll
            receiver.failFirst.set(1000);
            assertThat(p.postJson("/api/v1/events/evt-push/cancel", "").status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.refused.get() == 2 + 3);
            OadrDistributeEventType polled =
                    p.send("OadrPoll", Msg.poll("ven-p")).body(OadrDistributeEventType.class);
            assertThat(polled.getOadrEvent().get(0).getEiEvent().getEventDescriptor())
                    .satisfies(
                            d -> {
                                assertThat(d.getModificationNumber()).isEqualTo(2);
                                assertThat(d.getEventStatus().value()).isEqualTo("cancelled");
                            });
        }
    }

    @Test
    void reportsAreRequestedStoredAndCancelled() throws Exception {
        String fp = fingerprint(tls.pem("ven-a"));
        String venId = fp.toLowerCase(Locale.ROOT); // as the examples write it
        TestVen a = start(config(Set.of()), "ven-a");
        a.send("EiRegisterParty", Msg.register(venId, null));

        // WHEN the VEN registers its reports (the golden example: usage, then status)
        OadrRegisteredReportType registered =
                a.post("EiReport", Msg.example("oadrRegisterReport.xml", venId))
                        .body(OadrRegisteredReportType.class);
        // THEN the VTN asks for both telemetry reports at the configured granularity
        assertThat(registered.getEiResponse().getResponseCode()).isEqualTo("200");
        List<OadrReportRequestType> requests = registered.getOadrReportRequest();
        assertThat(requests)
                .extracting(r -> r.getReportSpecifier().getReportSpecifierID())
                .containsExactly("spec-telemetry-usage-fra01", "spec-telemetry-status-fra01");
        assertThat(requests.get(0).getReportSpecifier().getGranularity().getDuration())
                .isEqualTo("PT5M");
        assertThat(requests.get(0).getReportSpecifier().getSpecifierPayload())
                .extracting(s -> s.getRID())
                .containsExactly("site-fra-01-energy", "site-fra-01-demand");
        String usage = requests.get(0).getReportRequestID();
        String status = requests.get(1).getReportRequestID();
        assertThat(
                        code(
                                a.send("EiReport", Msg.createdReport(venId, List.of(usage, status)))
                                        .body(OadrResponseType.class)))
                .isEqualTo("200");

        // WHEN it sends data for the requests THEN the values are stored and visible
        String update =
                new String(Msg.example("oadrUpdateReport.xml", venId), StandardCharsets.UTF_8)
                        .replace("rr-telemetry-usage-0001", usage)
                        .replace("rr-telemetry-status-0001", status);
        OadrUpdatedReportType updated =
                a.post("EiReport", update.getBytes(StandardCharsets.UTF_8))
                        .body(OadrUpdatedReportType.class);
        assertThat(updated.getEiResponse().getResponseCode()).isEqualTo("200");
        JsonObject shown = a.get("/api/v1/reports?venId=" + fp).json();
        assertThat(shown.getJsonArray("requests"))
                .extracting(r -> ((JsonObject) r).getString("status"))
                .containsExactly("CREATED", "CREATED");
        JsonArray data = shown.getJsonArray("data");
        assertThat(data).isNotEmpty();
        assertThat(data.stream().map(d -> ((JsonObject) d).getString("rId")))
                .contains("site-fra-01-energy", "site-fra-01-demand", "site-fra-01-status");
        assertThat(data.stream().filter(d -> ((JsonObject) d).getValue("value") != null))
                .isNotEmpty();

        // data for a request never made is refused with 452
        OadrUpdatedReportType unknown =
                a.post("EiReport", Msg.example("oadrUpdateReport.xml", venId))
                        .body(OadrUpdatedReportType.class);
        assertThat(unknown.getEiResponse().getResponseCode()).isEqualTo("452");

        // WHEN the operator cancels the usage report THEN the VEN's next poll carries it
        assertThat(a.postJson("/api/v1/reports/" + usage + "/cancel", "").status()).isEqualTo(202);
        OadrCancelReportType cancel =
                a.send("OadrPoll", Msg.poll(venId)).body(OadrCancelReportType.class);
        assertThat(cancel.getReportRequestID()).containsExactly(usage);
        a.send("EiReport", Msg.canceledReport(venId, List.of(status)));
        assertThat(a.get("/api/v1/reports?venId=" + venId).json().getJsonArray("requests"))
                .extracting(r -> ((JsonObject) r).getString("status"))
                .containsExactly("CANCELLED", "CREATED");

        // and a later request for the telemetry goes out on the poll as an oadrCreateReport
        assertThat(a.postJson("/api/v1/vens/" + venId + "/reports/request", "").status())
                .isEqualTo(202);
        assertThat(
                        a.send("OadrPoll", Msg.poll(venId))
                                .body(OadrCreateReportType.class)
                                .getOadrReportRequest())
                .hasSize(2);
    }

    @Test
    void optSchedulesAreRecordedAndCancelled() throws Exception {
        String venId = fingerprint(tls.pem("ven-a")).toLowerCase(Locale.ROOT);
        TestVen a = start(config(Set.of()), "ven-a");
        a.send("EiRegisterParty", Msg.register(venId, null));
        OadrCreatedOptType created =
                a.post("EiOpt", Msg.example("oadrCreateOpt.xml", venId))
                        .body(OadrCreatedOptType.class);
        assertThat(created.getEiResponse().getResponseCode()).isEqualTo("200");
        JsonObject opt =
                a.get("/api/v1/opts?venId=" + venId).json().getJsonArray("opts").getJsonObject(0);
        assertThat(opt.getString("optType")).isEqualTo("optOut");
        assertThat(opt.getString("optReason")).isEqualTo("notParticipating");
        assertThat(opt.getJsonArray("windows")).hasSize(2);
        assertThat(opt.getJsonArray("windows").getJsonObject(1).getString("duration"))
                .isEqualTo("PT4H");
        assertThat(opt.getJsonObject("targets").getJsonArray("resourceIds"))
                .containsExactly("site-fra-01");
        assertThat(opt.getBoolean("cancelled")).isFalse();

        OadrCanceledOptType canceled =
                a.send("EiOpt", Msg.cancelOpt(venId, "opt-fra01-maint-0001"))
                        .body(OadrCanceledOptType.class);
        assertThat(canceled.getEiResponse().getResponseCode()).isEqualTo("200");
        assertThat(
                        a.get("/api/v1/opts")
                                .json()
                                .getJsonArray("opts")
                                .getJsonObject(0)
                                .getBoolean("cancelled"))
                .isTrue();
        assertThat(
                        a.send("EiOpt", Msg.cancelOpt(venId, "no-such-opt"))
                                .body(OadrCanceledOptType.class)
                                .getEiResponse()
                                .getResponseCode())
                .isEqualTo("452");
    }

    @Test
    void invalidDocumentsOverTlsGetAnOadrResponse() throws Exception {
        TestVen a = start(config(Set.of()), "ven-a");
        TestVen.Reply notXml = a.post("EiEvent", "<oops".getBytes(StandardCharsets.UTF_8));
        assertThat(notXml.status()).isEqualTo(400);
        assertThat(code(notXml.body(OadrResponseType.class))).isEqualTo("454");
        String invalid =
                new String(Msg.example("oadrPoll.xml", "ven-a"), StandardCharsets.UTF_8)
                        .replace("ei:venID>", "ei:venIdentifier>");
        TestVen.Reply schema = a.post("OadrPoll", invalid.getBytes(StandardCharsets.UTF_8));
        assertThat(schema.status()).isEqualTo(200);
        assertThat(code(schema.body(OadrResponseType.class))).isEqualTo("454");
    }

    private static JsonArray responses(TestVen ven, String eventId) {
        return ven.get("/api/v1/events/" + eventId).json().getJsonArray("responses");
    }

    private static String code(OadrResponseType r) {
        return r.getEiResponse().getResponseCode();
    }

    static String event(String id, String venId) {
        return new JsonObject()
                .put("eventId", id)
                .put("venIds", new JsonArray().add(venId))
                .put("start", "2025-07-16T14:00:00Z")
                .put(
                        "signals",
                        new JsonArray()
                                .add(
                                        new JsonObject()
                                                .put("name", "SIMPLE")
                                                .put(
                                                        "intervals",
                                                        new JsonArray().add(interval("PT1H", 2)))))
                .encode();
    }

    static JsonObject interval(String duration, double value) {
        return new JsonObject().put("duration", duration).put("value", value);
    }
}
