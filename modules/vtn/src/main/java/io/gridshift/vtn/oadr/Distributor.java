package io.gridshift.vtn.oadr;

import io.gridshift.domain.event.GridEvent;
import io.gridshift.openadr.event.OadrEventMapper;
import io.gridshift.vtn.VtnConfig;
import io.gridshift.vtn.event.EventStore;
import io.gridshift.vtn.event.Events;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.openadr.oadr20b.OadrDistributeEventType;

/**
 * Builds the {@code oadrDistributeEvent} for one VEN from the store and notes its delivery. Each
 * event goes out with its status at the moment it is sent (far, near, active, cancelled).
 */
public final class Distributor {
    private final VtnConfig config;
    private final EventStore events;
    private final OadrEventMapper mapper;
    private final Clock clock;
    private final AtomicLong requests = new AtomicLong();

    public Distributor(VtnConfig config, EventStore events, OadrEventMapper mapper, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.events = Objects.requireNonNull(events, "events");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * What a poll gets: if anything is pending for the VEN, every event it should know of (OpenADR
     * VENs take an event missing from a distribute as cancelled, so the list is always whole); null
     * if nothing is pending.
     */
    public OadrDistributeEventType pending(String venId) {
        Instant now = clock.instant();
        if (events.pendingFor(venId, now).isEmpty()) {
            return null;
        }
        return distribute(venId, events.openFor(venId, now), now);
    }

    /** Every event the VEN should know of, at most {@code limit}; what oadrRequestEvent gets. */
    public OadrDistributeEventType all(String venId, long limit) {
        Instant now = clock.instant();
        return distribute(venId, events.openFor(venId, now).stream().limit(limit).toList(), now);
    }

    private OadrDistributeEventType distribute(String venId, List<GridEvent> open, Instant now) {
        List<GridEvent> sent =
                open.stream().map(e -> Events.withStatus(e, e.statusAt(now))).toList();
        OadrDistributeEventType distribute =
                mapper.toDistributeEvent(
                        "dist-" + requests.incrementAndGet(), config.vtnId(), sent, now);
        events.delivered(venId, sent);
        return distribute;
    }
}
