package io.gridshift.vtn;

import io.gridshift.openadr.examples.OadrExamples;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openadr.oadr20b.OadrCancelOptType;
import org.openadr.oadr20b.OadrCanceledReportType;
import org.openadr.oadr20b.OadrCreatePartyRegistrationType;
import org.openadr.oadr20b.OadrCreatedEventType;
import org.openadr.oadr20b.OadrCreatedReportType;
import org.openadr.oadr20b.OadrPendingReportsType;
import org.openadr.oadr20b.OadrPollType;
import org.openadr.oadr20b.OadrTransportType;
import org.openadr.oadr20b.ei.EiResponseType;
import org.openadr.oadr20b.ei.EventResponses;
import org.openadr.oadr20b.ei.OptTypeType;
import org.openadr.oadr20b.ei.QualifiedEventIDType;
import org.openadr.oadr20b.pyld.EiCreatedEvent;

/** OpenADR 2.0b messages a test VEN sends. */
final class Msg {
    static final String EXAMPLE_VEN_ID = "3f:6a:91:c4:0e:27:b8:5d:12:e9";

    private Msg() {}

    /** A golden example as a VEN sends it, with {@code venId} in place of the example's. */
    static byte[] example(String name, String venId) {
        return new String(OadrExamples.bytes(name), StandardCharsets.UTF_8)
                .replace(EXAMPLE_VEN_ID, venId)
                .getBytes(StandardCharsets.UTF_8);
    }

    static OadrCreatePartyRegistrationType register(String venId, String pushAddress) {
        OadrCreatePartyRegistrationType r = new OadrCreatePartyRegistrationType();
        r.setSchemaVersion("2.0b");
        r.setRequestID("req-reg-" + venId);
        r.setVenID(venId);
        r.setOadrProfileName("2.0b");
        r.setOadrTransportName(OadrTransportType.SIMPLE_HTTP);
        r.setOadrReportOnly(false);
        r.setOadrXmlSignature(false);
        r.setOadrVenName("test " + venId);
        if (pushAddress != null) {
            r.setOadrHttpPullModel(false);
            r.setOadrTransportAddress(pushAddress);
        } else {
            r.setOadrHttpPullModel(true);
        }
        return r;
    }

    static OadrPollType poll(String venId) {
        OadrPollType poll = new OadrPollType();
        poll.setSchemaVersion("2.0b");
        poll.setVenID(venId);
        return poll;
    }

    static EiResponseType ok(String requestId) {
        EiResponseType ok = new EiResponseType();
        ok.setResponseCode("200");
        ok.setResponseDescription("OK");
        ok.setRequestID(requestId);
        return ok;
    }

    static OadrCreatedEventType createdEvent(
            String venId, String requestId, String eventId, long modification, OptTypeType opt) {
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
        created.setEiResponse(ok(requestId));
        created.setEventResponses(responses);
        created.setVenID(venId);
        OadrCreatedEventType message = new OadrCreatedEventType();
        message.setSchemaVersion("2.0b");
        message.setEiCreatedEvent(created);
        return message;
    }

    static OadrCreatedReportType createdReport(String venId, List<String> pending) {
        OadrPendingReportsType p = new OadrPendingReportsType();
        p.getReportRequestID().addAll(pending);
        OadrCreatedReportType c = new OadrCreatedReportType();
        c.setSchemaVersion("2.0b");
        c.setEiResponse(ok("req-created-report"));
        c.setOadrPendingReports(p);
        c.setVenID(venId);
        return c;
    }

    static OadrCanceledReportType canceledReport(String venId, List<String> stillPending) {
        OadrPendingReportsType p = new OadrPendingReportsType();
        p.getReportRequestID().addAll(stillPending);
        OadrCanceledReportType c = new OadrCanceledReportType();
        c.setSchemaVersion("2.0b");
        c.setEiResponse(ok("req-canceled-report"));
        c.setOadrPendingReports(p);
        c.setVenID(venId);
        return c;
    }

    static OadrCancelOptType cancelOpt(String venId, String optId) {
        OadrCancelOptType c = new OadrCancelOptType();
        c.setSchemaVersion("2.0b");
        c.setRequestID("req-cancel-opt");
        c.setOptID(optId);
        c.setVenID(venId);
        return c;
    }
}
