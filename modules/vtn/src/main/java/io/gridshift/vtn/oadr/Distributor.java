package io.gridshift.vtn.oadr;

import io.gridshift.domain.event.GridEvent;
import io.gridshift.openadr.event.OadrEventMapper;
import io.gridshift.openadr.event.XcalTime;
import io.gridshift.vtn.VtnConfig;
import io.gridshift.vtn.event.EventStore;
import io.gridshift.vtn.event.Events;
import io.gridshift.vtn.event.StoredEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.openadr.oadr20b.OadrDistributeEventType;
import org.openadr.oadr20b.OadrDistributeEventType.OadrEvent;

/**
 * Builds the {@code oadrDistributeEvent} for one VEN from the store and notes its delivery. Each
 * event goes out with its status at the moment it is sent (far, near, active, cancelled) and, once
 * modified, the {@code modificationDateTime} of its latest modification.
 */
public final class Distributor {
    private final VtnConfig config;
    private final EventStore events;
    private final OadrEventMapper mapper;
    private final Clock clock;
    private final AtomicLong requests = new AtomicLong();

    /** A distribute not yet sent, and the events in it as they were sent. */
    public record Delivery(
            String venId, OadrDistributeEventType distribute, List<GridEvent> sent) {}

    public Distributor(VtnConfig config, EventStore events, OadrEventMapper mapper, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.events = Objects.requireNonNull(events, "events");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * What a poll gets: if anything is pending for the VEN, every event it should know of (OpenADR
     * VENs take an event missing from a distribute as cancelled, so the list is always whole); null
     * if nothing is pending. Noted as delivered.
     */
    public OadrDistributeEventType pending(String venId) {
        Instant now = clock.instant();
        if (events.pendingFor(venId, now).isEmpty()) {
            return null;
        }
        return deliver(prepare(venId, events.openFor(venId, now), now));
    }

    /** Whether anything is pending for the VEN now. */
    public boolean hasPending(String venId) {
        return !events.pendingFor(venId, clock.instant()).isEmpty();
    }

    /** Every event the VEN should know of, at most {@code limit}; what oadrRequestEvent gets. */
    public OadrDistributeEventType all(String venId, long limit) {
        Instant now = clock.instant();
        return deliver(
                prepare(venId, events.openFor(venId, now).stream().limit(limit).toList(), now));
    }

    /**
     * The distribute for a push: every event the VEN should know of, not yet noted as delivered
     * (call {@link #delivered(Delivery)} once the VEN took it).
     */
    public Delivery forPush(String venId) {
        Instant now = clock.instant();
        return prepare(venId, events.openFor(venId, now), now);
    }

    /** Notes that the VEN received {@code delivery}. */
    public void delivered(Delivery delivery) {
        events.delivered(delivery.venId(), delivery.sent());
    }

    private OadrDistributeEventType deliver(Delivery delivery) {
        delivered(delivery);
        return delivery.distribute();
    }

    private Delivery prepare(String venId, List<GridEvent> open, Instant now) {
        List<GridEvent> sent =
                open.stream().map(e -> Events.withStatus(e, e.statusAt(now))).toList();
        OadrDistributeEventType distribute =
                mapper.toDistributeEvent(
                        "dist-" + requests.incrementAndGet(), config.vtnId(), sent, now);
        for (OadrEvent e : distribute.getOadrEvent()) {
            var descriptor = e.getEiEvent().getEventDescriptor();
            if (descriptor.getModificationNumber() > 0) {
                events.get(io.gridshift.domain.event.EventId.of(descriptor.getEventID()))
                        .map(StoredEvent::modifiedAt)
                        .ifPresent(at -> descriptor.setModificationDateTime(XcalTime.dateTime(at)));
            }
        }
        return new Delivery(venId, distribute, sent);
    }
}
