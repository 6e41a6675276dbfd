package io.gridshift.vtn.event;

import io.gridshift.domain.event.EventId;
import io.gridshift.domain.event.EventStatus;
import io.gridshift.domain.event.GridEvent;
import io.gridshift.domain.event.OptType;
import io.gridshift.domain.event.ResponseRequired;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An {@link EventStore} in memory. Every method holds the store's lock: each is a few map
 * operations, and a VTN's load is a poll per VEN every few seconds.
 */
public final class InMemoryEventStore implements EventStore {
    private final Map<EventId, Entry> events = new LinkedHashMap<>();

    private static final class Entry {
        GridEvent event;
        Instant modifiedAt;
        final Map<String, VenEventState> vens = new LinkedHashMap<>();
        final List<EventResponse> responses = new ArrayList<>();

        Entry(GridEvent event) {
            this.event = event;
            this.modifiedAt = event.createdAt();
            addVens(event);
        }

        void addVens(GridEvent e) {
            for (String venId : e.targets().venIds().stream().sorted().toList()) {
                vens.putIfAbsent(venId, VenEventState.none(venId));
            }
        }

        StoredEvent snapshot() {
            return new StoredEvent(event, new ArrayList<>(vens.values()), modifiedAt, responses);
        }

        boolean pendingFor(String venId, Instant now) {
            VenEventState state = vens.get(venKey(this, venId));
            return state != null
                    && state.acknowledged() < event.modificationNumber()
                    && event.statusAt(now) != EventStatus.COMPLETED;
        }

        boolean openFor(String venId, Instant now) {
            VenEventState state = vens.get(venKey(this, venId));
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
        return cancel(id, reason, null);
    }

    @Override
    public synchronized Optional<StoredEvent> cancel(EventId id, String reason, Instant at) {
        Entry entry = events.get(id);
        if (entry == null) {
            return Optional.empty();
        }
        if (!entry.event.isCancelled()) {
            entry.event = Events.modified(entry.event, EventStatus.CANCELLED, reason);
            entry.modifiedAt = at == null ? entry.modifiedAt : at;
        }
        return Optional.of(entry.snapshot());
    }

    @Override
    public synchronized Optional<StoredEvent> modify(
            EventId id, GridEvent next, String reason, Instant at) {
        Entry entry = events.get(id);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.event.isCancelled()) {
            throw new IllegalStateException("event " + id + " is cancelled");
        }
        Set<String> dropped = new HashSet<>(entry.event.targets().venIds());
        dropped.removeAll(next.targets().venIds());
        if (!dropped.isEmpty()) {
            throw new IllegalArgumentException(
                    "a modification may add VENs but not drop any; cancel the event instead"
                            + " (dropped: "
                            + dropped.stream().sorted().toList()
                            + ")");
        }
        entry.event = Events.next(entry.event, next, reason);
        entry.modifiedAt = at;
        entry.addVens(entry.event);
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
            String key = entry == null ? null : venKey(entry, venId);
            VenEventState state = key == null ? null : entry.vens.get(key);
            if (state != null) {
                boolean acknowledges = event.responseRequired() == ResponseRequired.NEVER;
                entry.vens.put(key, state.delivered(event.modificationNumber(), acknowledges));
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
        String key = venKey(entry, venId);
        VenEventState state = key == null ? null : entry.vens.get(key);
        if (state == null) {
            return OptResult.NOT_TARGETED;
        }
        venId = key;
        if (modificationNumber > entry.event.modificationNumber()) {
            return OptResult.FUTURE_MODIFICATION;
        }
        entry.vens.put(venId, state.responded(opt, modificationNumber, at));
        entry.responses.add(new EventResponse(venId, modificationNumber, opt, at));
        return OptResult.RECORDED;
    }

    /**
     * The key under which the event keeps {@code venId}: venIDs match without regard to case, as
     * the VEN registry does. Null if the event does not target it.
     */
    private static String venKey(Entry entry, String venId) {
        if (venId == null) {
            return null;
        }
        if (entry.vens.containsKey(venId)) {
            return venId;
        }
        for (String key : entry.vens.keySet()) {
            if (key.equalsIgnoreCase(venId)) {
                return key;
            }
        }
        return null;
    }
}
