package io.gridshift.vtn;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridshift.domain.time.ManualClock;
import io.gridshift.openadr.codec.OadrCodec;
import io.gridshift.openadr.examples.OadrExamples;
import io.gridshift.vtn.event.InMemoryEventStore;
import io.gridshift.vtn.ven.VenRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openadr.oadr20b.OadrCancelPartyRegistrationType;
import org.openadr.oadr20b.OadrCanceledPartyRegistrationType;
import org.openadr.oadr20b.OadrCreatedEventType;
import org.openadr.oadr20b.OadrCreatedPartyRegistrationType;
import org.openadr.oadr20b.OadrDistributeEventType;
import org.openadr.oadr20b.OadrDistributeEventType.OadrEvent;
import org.openadr.oadr20b.OadrPollType;
import org.openadr.oadr20b.OadrRequestEventType;
import org.openadr.oadr20b.OadrResponseType;
import org.openadr.oadr20b.ei.EiResponseType;
import org.openadr.oadr20b.ei.EventResponses;
import org.openadr.oadr20b.ei.EventStatusEnumeratedType;
import org.openadr.oadr20b.ei.OptTypeType;
import org.openadr.oadr20b.ei.QualifiedEventIDType;
import org.openadr.oadr20b.pyld.EiCreatedEvent;
import org.openadr.oadr20b.pyld.EiRequestEvent;

/** The VTN on a real port, a VEN speaking OpenADR 2.0b XML to it over HTTP. */
class VtnIT {
    private final ManualClock clock = ManualClock.at("2025-07-15T12:00:00Z");
    private Vertx vertx;
    private TestVen ven;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        AtomicInteger ids = new AtomicInteger();
        VtnVerticle vtn =
                new VtnVerticle(
                        new VtnConfig("GRIDSHIFT_VTN_TEST", "127.0.0.1", 0, Duration.ofSeconds(10)),
                        new VenRegistry(() -> "t" + ids.incrementAndGet()),
                        new InMemoryEventStore(),
                        new OadrCodec(),
                        clock);
        vertx.deployVerticle(vtn)
                .toCompletionStage()
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        ven = new TestVen(vtn.port());
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void aVenRegistersPollsOptsInAndSeesTheCancellation() {
        queryRegistration();
        OadrCreatedPartyRegistrationType registered = register();
        String venId = registered.getVenID();
        // nothing pending
        assertOk(ven.send("OadrPoll", poll(venId)).body(OadrResponseType.class).getEiResponse());

        // an operator creates an event
        TestVen.JsonReply created =
                ven.postJson(
                        "/api/v1/events",
                        new JsonObject()
                                .put("eventId", "evt-1")
                                .put("venIds", new io.vertx.core.json.JsonArray().add(venId))
                                .put("start", "2025-07-16T14:00:00Z")
                                .put("priority", 2)
                                .put(
                                        "signals",
                                        new io.vertx.core.json.JsonArray()
                                                .add(
                                                        new JsonObject()
                                                                .put("name", "SIMPLE")
                                                                .put(
                                                                        "intervals",
                                                                        new io.vertx.core.json
                                                                                        .JsonArray()
                                                                                .add(
                                                                                        new JsonObject()
                                                                                                .put(
                                                                                                        "duration",
                                                                                                        "PT1H")
                                                                                                .put(
                                                                                                        "value",
                                                                                                        2))
                                                                                .add(
                                                                                        new JsonObject()
                                                                                                .put(
                                                                                                        "duration",
                                                                                                        "PT30M")
                                                                                                .put(
                                                                                                        "value",
                                                                                                        3))))
                                                .add(
                                                        new JsonObject()
                                                                .put("name", "LOAD_DISPATCH")
                                                                .put("type", "DELTA")
                                                                .put(
                                                                        "intervals",
                                                                        new io.vertx.core.json
                                                                                        .JsonArray()
                                                                                .add(
                                                                                        new JsonObject()
                                                                                                .put(
                                                                                                        "duration",
                                                                                                        "PT90M")
                                                                                                .put(
                                                                                                        "value",
                                                                                                        -250)))))
                                .encode());
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().getString("status")).isEqualTo("FAR");

        OadrDistributeEventType distribute = pollDistributes(venId);
        // it stays pending until answered (responseRequired=always)
        assertThat(ven.send("OadrPoll", poll(venId)).body())
                .isInstanceOf(OadrDistributeEventType.class);

        optIn(venId, distribute.getRequestID());
        // nothing pending any more
        assertOk(ven.send("OadrPoll", poll(venId)).body(OadrResponseType.class).getEiResponse());

        requestEventListsIt(venId);
        cancelledEventIsDistributed(venId);
        cancelRegistration(registered);
    }

    private void queryRegistration() {
        // query registration (the golden example as sent)
        TestVen.Reply query =
                ven.post("EiRegisterParty", OadrExamples.bytes("oadrQueryRegistration.xml"));
        OadrCreatedPartyRegistrationType offered =
                query.body(OadrCreatedPartyRegistrationType.class);
        assertThat(query.status()).isEqualTo(200);
        assertThat(offered.getEiResponse().getResponseCode()).isEqualTo("200");
        assertThat(offered.getEiResponse().getRequestID()).isEqualTo("req-query-0001");
        assertThat(offered.getVtnID()).isEqualTo("GRIDSHIFT_VTN_TEST");
        assertThat(offered.getOadrProfiles().getOadrProfile())
                .singleElement()
                .satisfies(p -> assertThat(p.getOadrProfileName()).isEqualTo("2.0b"));
        assertThat(offered.getOadrRequestedOadrPollFreq().getDuration()).isEqualTo("PT10S");
    }

    private OadrCreatedPartyRegistrationType register() {
        // register without a venID: the VTN assigns one
        OadrCreatedPartyRegistrationType registered =
                ven.post("EiRegisterParty", OadrExamples.bytes("oadrCreatePartyRegistration.xml"))
                        .body(OadrCreatedPartyRegistrationType.class);
        assertThat(registered.getEiResponse().getResponseCode()).isEqualTo("200");
        assertThat(registered.getRegistrationID()).isEqualTo("reg-t2");
        String venId = registered.getVenID();
        assertThat(venId).isEqualTo("ven-t1");

        return registered;
    }

    private OadrDistributeEventType pollDistributes(String venId) {
        // the poll distributes it
        OadrDistributeEventType distribute =
                ven.send("OadrPoll", poll(venId)).body(OadrDistributeEventType.class);
        assertThat(distribute.getVtnID()).isEqualTo("GRIDSHIFT_VTN_TEST");
        OadrEvent event = distribute.getOadrEvent().get(0);
        assertThat(distribute.getOadrEvent()).hasSize(1);
        var descriptor = event.getEiEvent().getEventDescriptor();
        assertThat(descriptor.getEventID()).isEqualTo("evt-1");
        assertThat(descriptor.getModificationNumber()).isZero();
        assertThat(descriptor.getPriority()).isEqualTo(2);
        assertThat(descriptor.getEventStatus()).isEqualTo(EventStatusEnumeratedType.FAR);
        assertThat(
                        event.getEiEvent()
                                .getEiActivePeriod()
                                .getProperties()
                                .getDuration()
                                .getDuration())
                .isEqualTo("PT1H30M");
        assertThat(event.getEiEvent().getEiTarget().getVenID()).containsExactly(venId);
        var signals = event.getEiEvent().getEiEventSignals().getEiEventSignal();
        assertThat(signals)
                .extracting(s -> s.getSignalName())
                .containsExactly("SIMPLE", "LOAD_DISPATCH");
        assertThat(signals.get(0).getIntervals().getInterval()).hasSize(2);
        assertThat(signals.get(1).getSignalType().value()).isEqualTo("delta");
        assertThat(signals.get(1).getItemBase()).isNotNull();

        return distribute;
    }

    private void optIn(String venId, String requestId) {
        // opt in
        OadrResponseType answer =
                ven.send("EiEvent", createdEvent(venId, requestId, "evt-1", 0, OptTypeType.OPT_IN))
                        .body(OadrResponseType.class);
        assertOk(answer.getEiResponse());
        JsonObject shown = ven.get("/api/v1/events/evt-1").json();
        JsonObject response = shown.getJsonArray("vens").getJsonObject(0);
        assertThat(response.getString("venId")).isEqualTo(venId);
        assertThat(response.getBoolean("pending")).isFalse();
        assertThat(response.getJsonObject("response").getString("optType")).isEqualTo("optIn");
        assertThat(response.getJsonObject("response").getLong("modificationNumber")).isZero();
        assertThat(ven.get("/api/v1/events").json().getJsonArray("events")).hasSize(1);
    }

    private void requestEventListsIt(String venId) {
        // oadrRequestEvent still lists it
        EiRequestEvent eiRequest = new EiRequestEvent();
        eiRequest.setRequestID("req-all");
        eiRequest.setVenID(venId);
        OadrRequestEventType request = new OadrRequestEventType();
        request.setSchemaVersion("2.0b");
        request.setEiRequestEvent(eiRequest);
        assertThat(ven.send("EiEvent", request).body(OadrDistributeEventType.class).getOadrEvent())
                .hasSize(1);
    }

    private void cancelledEventIsDistributed(String venId) {
        // cancel: the next poll distributes it cancelled with a higher modification number
        TestVen.JsonReply cancelled = ven.postJson("/api/v1/events/evt-1/cancel", "");
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().getLong("modificationNumber")).isEqualTo(1);
        OadrEvent again =
                ven.send("OadrPoll", poll(venId))
                        .body(OadrDistributeEventType.class)
                        .getOadrEvent()
                        .get(0);
        assertThat(again.getEiEvent().getEventDescriptor().getEventStatus())
                .isEqualTo(EventStatusEnumeratedType.CANCELLED);
        assertThat(again.getEiEvent().getEventDescriptor().getModificationNumber()).isEqualTo(1);
        assertOk(
                ven.send("EiEvent", createdEvent(venId, "r2", "evt-1", 1, OptTypeType.OPT_OUT))
                        .body(OadrResponseType.class)
                        .getEiResponse());
        assertOk(ven.send("OadrPoll", poll(venId)).body(OadrResponseType.class).getEiResponse());
    }

    private void cancelRegistration(OadrCreatedPartyRegistrationType registered) {
        String venId = registered.getVenID();
        // cancel the registration: polls are refused afterwards
        OadrCancelPartyRegistrationType cancel = new OadrCancelPartyRegistrationType();
        cancel.setSchemaVersion("2.0b");
        cancel.setRequestID("req-cancel");
        cancel.setRegistrationID(registered.getRegistrationID());
        cancel.setVenID(venId);
        assertOk(
                ven.send("EiRegisterParty", cancel)
                        .body(OadrCanceledPartyRegistrationType.class)
                        .getEiResponse());
        assertThat(
                        ven.send("OadrPoll", poll(venId))
                                .body(OadrResponseType.class)
                                .getEiResponse()
                                .getResponseCode())
                .isEqualTo("463");
    }

    @Test
    void anUnregisteredVenIsRefusedWith463() {
        TestVen.Reply reply = ven.post("OadrPoll", OadrExamples.bytes("oadrPoll.xml"));
        assertThat(reply.status()).isEqualTo(200);
        OadrResponseType response = reply.body(OadrResponseType.class);
        assertThat(response.getEiResponse().getResponseCode()).isEqualTo("463");
        assertThat(response.getVenID()).isEqualTo("3f:6a:91:c4:0e:27:b8:5d:12:e9");
        assertThat(
                        ven.post("EiEvent", OadrExamples.bytes("oadrCreatedEvent.xml"))
                                .body(OadrResponseType.class)
                                .getEiResponse()
                                .getResponseCode())
                .isEqualTo("463");
    }

    @Test
    void invalidDocumentsGetAnOadrResponseWithAnErrorCode() {
        TestVen.Reply notXml =
                ven.post("OadrPoll", "this is not XML".getBytes(StandardCharsets.UTF_8));
        assertThat(notXml.status()).isEqualTo(400);
        assertThat(notXml.body(OadrResponseType.class).getEiResponse().getResponseCode())
                .isEqualTo("454");

        String invalid =
                new String(OadrExamples.bytes("oadrPoll.xml"), StandardCharsets.UTF_8)
                        .replace("<ei:venID>", "<ei:venId>")
                        .replace("</ei:venID>", "</ei:venId>");
        TestVen.Reply schema = ven.post("OadrPoll", invalid.getBytes(StandardCharsets.UTF_8));
        assertThat(schema.status()).isEqualTo(200);
        assertThat(schema.body(OadrResponseType.class).getEiResponse().getResponseCode())
                .isEqualTo("454");

        TestVen.Reply wrongService = ven.post("EiEvent", OadrExamples.bytes("oadrPoll.xml"));
        assertThat(wrongService.status()).isEqualTo(200);
        assertThat(wrongService.body(OadrResponseType.class).getEiResponse().getResponseCode())
                .isEqualTo("453");
    }

    @Test
    void theRestApiRefusesABadEvent() {
        TestVen.JsonReply reply =
                ven.postJson(
                        "/api/v1/events",
                        "{\"venIds\":[\"v\"],\"start\":\"2025-07-16T14:00:00Z\","
                                + "\"signals\":[{\"name\":\"SIMPLE\",\"intervals\":[{\"duration\":\"PT1H\",\"value\":7}]}]}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().getString("field")).isEqualTo("signals[0].intervals[0].value");
        assertThat(ven.get("/api/v1/events/nope").status()).isEqualTo(404);
        assertThat(ven.postJson("/api/v1/events", "not json").status()).isEqualTo(400);
    }

    private static void assertOk(EiResponseType response) {
        assertThat(response.getResponseCode())
                .as(response.getResponseDescription())
                .isEqualTo("200");
    }

    private static OadrPollType poll(String venId) {
        OadrPollType poll = new OadrPollType();
        poll.setSchemaVersion("2.0b");
        poll.setVenID(venId);
        return poll;
    }

    private static OadrCreatedEventType createdEvent(
            String venId, String requestId, String eventId, long modification, OptTypeType opt) {
        EiResponseType ok = new EiResponseType();
        ok.setResponseCode("200");
        ok.setResponseDescription("OK");
        ok.setRequestID(requestId);
        QualifiedEventIDType qualified = new QualifiedEventIDType();
        qualified.setEventID(eventId);
        qualified.setModificationNumber(modification);
        EventResponses.EventResponse r = new EventResponses.EventResponse();
        r.setResponseCode("200");
        r.setResponseDescription("OK");
        r.setRequestID(requestId);
        r.setQualifiedEventID(qualified);
        r.setOptType(opt);
        EventResponses responses = new EventResponses();
        responses.getEventResponse().add(r);
        EiCreatedEvent created = new EiCreatedEvent();
        created.setEiResponse(ok);
        created.setEventResponses(responses);
        created.setVenID(venId);
        OadrCreatedEventType message = new OadrCreatedEventType();
        message.setSchemaVersion("2.0b");
        message.setEiCreatedEvent(created);
        return message;
    }
}
