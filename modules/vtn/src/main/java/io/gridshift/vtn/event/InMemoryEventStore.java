package io.gridshift.vtn.event;

import io.gridshift.domain.event.EventId;
import io.gridshift.domain.event.EventStatus;
import io.gridshift.domain.event.GridEvent;
import io.gridshift.domain.event.OptType;
import io.gridshift.domain.event.ResponseRequired;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link EventStore} in memory. Every method holds the store's lock: each is a few map
 * operations, and a VTN's load is a poll per VEN every few seconds.
 */
public final class InMemoryEventStore implements EventStore {
    private final Map<EventId, Entry> events = new LinkedHashMap<>();

    private static final class Entry {
        GridEvent event;
        final Map<String, VenEventState> vens = new LinkedHashMap<>();

        Entry(GridEvent event) {
            this.event = event;
            for (String venId : event.targets().venIds().stream().sorted().toList()) {
                vens.put(venId, VenEventState.none(venId));
            }
        }

        StoredEvent snapshot() {
            return new StoredEvent(event, new ArrayList<>(vens.values()));
        }

        boolean pendingFor(String venId, Instant now) {
            VenEventState state = vens.get(venId);
            return state != null
                    && state.acknowledged() < event.modificationNumber()
                    && event.statusAt(now) != EventStatus.COMPLETED;
        }

        boolean openFor(String venId, Instant now) {
            VenEventState state = vens.get(venId);
            if (state == null || event.statusAt(now) == EventStatus.COMPLETED) {
                return false;
            }
            return !event.isCancelled() || state.acknowledged() < event.modificationNumber();
        }
    }

    @Override
    public synchronized StoredEvent add(GridEvent event) {
        if (events.containsKey(event.id())) {
            throw new IllegalStateException("event " + event.id() + " exists");
        }
        Entry entry = new Entry(event);
        events.put(event.id(), entry);
        return entry.snapshot();
    }

    @Override
    public synchronized Optional<StoredEvent> cancel(EventId id, String reason) {
        Entry entry = events.get(id);
        if (entry == null) {
            return Optional.empty();
        }
        if (!entry.event.isCancelled()) {
            entry.event = Events.modified(entry.event, EventStatus.CANCELLED, reason);
        }
        return Optional.of(entry.snapshot());
    }

    @Override
    public synchronized Optional<StoredEvent> get(EventId id) {
        return Optional.ofNullable(events.get(id)).map(Entry::snapshot);
    }

    @Override
    public synchronized List<StoredEvent> all() {
        return events.values().stream().map(Entry::snapshot).toList();
    }

    @Override
    public synchronized List<GridEvent> pendingFor(String venId, Instant now) {
        return events.values().stream()
                .filter(e -> e.pendingFor(venId, now))
                .map(e -> e.event)
                .toList();
    }

    @Override
    public synchronized List<GridEvent> openFor(String venId, Instant now) {
        return events.values().stream()
                .filter(e -> e.openFor(venId, now))
                .map(e -> e.event)
                .toList();
    }

    @Override
    public synchronized void delivered(String venId, List<GridEvent> sent) {
        for (GridEvent event : sent) {
            Entry entry = events.get(event.id());
            VenEventState state = entry == null ? null : entry.vens.get(venId);
            if (state != null) {
                boolean acknowledges = event.responseRequired() == ResponseRequired.NEVER;
                entry.vens.put(venId, state.delivered(event.modificationNumber(), acknowledges));
            }
        }
    }

    @Override
    public synchronized OptResult respond(
            String venId, EventId id, long modificationNumber, OptType opt, Instant at) {
        Entry entry = events.get(id);
        if (entry == null) {
            return OptResult.UNKNOWN_EVENT;
        }
        VenEventState state = entry.vens.get(venId);
        if (state == null) {
            return OptResult.NOT_TARGETED;
        }
        if (modificationNumber > entry.event.modificationNumber()) {
            return OptResult.FUTURE_MODIFICATION;
        }
        entry.vens.put(venId, state.responded(opt, modificationNumber, at));
        return OptResult.RECORDED;
    }
}
