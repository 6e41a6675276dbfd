package io.gridshift.aggregator.ven;

import io.gridshift.domain.event.OptType;
import java.util.List;
import org.openadr.oadr20b.OadrCreatedEventType;
import org.openadr.oadr20b.ei.EiResponseType;
import org.openadr.oadr20b.ei.EventResponses;
import org.openadr.oadr20b.ei.OptTypeType;
import org.openadr.oadr20b.ei.QualifiedEventIDType;
import org.openadr.oadr20b.pyld.EiCreatedEvent;

/** The VEN's {@code oadrCreatedEvent}: one eventResponse per event, its opt and the reason. */
public final class CreatedEvents {
    private CreatedEvents() {}

    public static OadrCreatedEventType of(
            String venId, String requestId, List<ReceivedEvent> events) {
        EventResponses responses = new EventResponses();
        for (ReceivedEvent e : events) {
            QualifiedEventIDType qualified = new QualifiedEventIDType();
            qualified.setEventID(e.event().id().value());
            qualified.setModificationNumber(e.event().modificationNumber());
            EventResponses.EventResponse r = new EventResponses.EventResponse();
            r.setResponseCode("200");
            r.setResponseDescription(e.decision().reason());
            r.setRequestID(requestId);
            r.setQualifiedEventID(qualified);
            r.setOptType(
                    e.decision().opt() == OptType.OPT_IN
                            ? OptTypeType.OPT_IN
                            : OptTypeType.OPT_OUT);
            responses.getEventResponse().add(r);
        }
        EiResponseType ok = new EiResponseType();
        ok.setResponseCode("200");
        ok.setResponseDescription("OK");
        ok.setRequestID(requestId);
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
