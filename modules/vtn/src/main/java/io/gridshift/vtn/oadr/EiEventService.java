package io.gridshift.vtn.oadr;

import io.gridshift.domain.event.EventId;
import io.gridshift.domain.event.OptType;
import io.gridshift.openadr.message.OadrResponseCode;
import io.gridshift.vtn.event.EventStore;
import io.gridshift.vtn.event.OptResult;
import io.gridshift.vtn.ven.VenRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.openadr.oadr20b.OadrCreatedEventType;
import org.openadr.oadr20b.OadrRequestEventType;
import org.openadr.oadr20b.ei.EventResponses;
import org.openadr.oadr20b.ei.OptTypeType;
import org.openadr.oadr20b.pyld.EiCreatedEvent;
import org.openadr.oadr20b.pyld.EiRequestEvent;

/**
 * EiEvent: {@code oadrRequestEvent} gets every event of the VEN in an {@code oadrDistributeEvent};
 * {@code oadrCreatedEvent} records the VEN's opt responses and gets an {@code oadrResponse}: 200
 * when all were recorded, 452 (invalid ID) naming the events that were not.
 */
public final class EiEventService implements OadrService {
    private final VenRegistry vens;
    private final EventStore events;
    private final Distributor distributor;
    private final Clock clock;

    public EiEventService(
            VenRegistry vens, EventStore events, Distributor distributor, Clock clock) {
        this.vens = Objects.requireNonNull(vens, "vens");
        this.events = Objects.requireNonNull(events, "events");
        this.distributor = Objects.requireNonNull(distributor, "distributor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<Object> handle(Object message, Sender sender) {
        if (message instanceof OadrRequestEventType request) {
            return Optional.of(request(request.getEiRequestEvent()));
        }
        if (message instanceof OadrCreatedEventType created) {
            return Optional.of(created(created.getEiCreatedEvent()));
        }
        return Optional.empty();
    }

    private Object request(EiRequestEvent request) {
        String venId = request.getVenID();
        if (vens.find(venId).isEmpty()) {
            return Replies.notRegistered(request.getRequestID(), venId);
        }
        Long limit = request.getReplyLimit();
        return distributor.all(venId, limit == null || limit <= 0 ? Long.MAX_VALUE : limit);
    }

    private Object created(EiCreatedEvent created) {
        String venId = created.getVenID();
        String requestId = created.getEiResponse().getRequestID();
        if (vens.find(venId).isEmpty()) {
            return Replies.notRegistered(requestId, venId);
        }
        EventResponses responses = created.getEventResponses();
        List<String> refused = new ArrayList<>();
        if (responses != null) {
            for (EventResponses.EventResponse r : responses.getEventResponse()) {
                String eventId = r.getQualifiedEventID().getEventID();
                OptResult result =
                        events.respond(
                                venId,
                                EventId.of(eventId),
                                r.getQualifiedEventID().getModificationNumber(),
                                r.getOptType() == OptTypeType.OPT_IN
                                        ? OptType.OPT_IN
                                        : OptType.OPT_OUT,
                                clock.instant());
                if (result != OptResult.RECORDED) {
                    refused.add(eventId + " (" + result.name().toLowerCase() + ")");
                }
            }
        }
        return refused.isEmpty()
                ? Replies.response(OadrResponseCode.OK, null, requestId, venId)
                : Replies.response(
                        OadrResponseCode.INVALID_ID, String.join(", ", refused), requestId, venId);
    }
}
