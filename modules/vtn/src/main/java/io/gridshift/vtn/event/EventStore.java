package io.gridshift.vtn.event;

import io.gridshift.domain.event.EventId;
import io.gridshift.domain.event.GridEvent;
import io.gridshift.domain.event.OptType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The VTN's events, each addressed to VENs by venID, with modification numbers and where each event
 * stands with each of its VENs. Implementations are thread-safe.
 *
 * <p>An event is <em>pending</em> for a VEN while the VEN has not acknowledged its current
 * modification number: an event that needs no response is acknowledged by its delivery, one with
 * {@code responseRequired=always} only by the VEN's {@code oadrCreatedEvent}.
 */
public interface EventStore {

    /**
     * Adds a new event.
     *
     * @throws IllegalStateException if an event with its id exists
     */
    StoredEvent add(GridEvent event);

    /**
     * Cancels an event: status cancelled, modification number plus one. Cancelling a cancelled
     * event changes nothing.
     */
    Optional<StoredEvent> cancel(EventId id, String reason);

    /** {@link #cancel(EventId, String)} made at {@code at} (its modificationDateTime). */
    Optional<StoredEvent> cancel(EventId id, String reason, Instant at);

    /**
     * Replaces an event with its next modification: the content of {@code next} (signals, times,
     * targets, flags), modification number plus one, {@code reason}, made at {@code at}. Its status
     * is recomputed; VENs may be added, not dropped.
     *
     * @throws IllegalStateException if the event is cancelled
     * @throws IllegalArgumentException if {@code next} drops a VEN
     */
    Optional<StoredEvent> modify(EventId id, GridEvent next, String reason, Instant at);

    Optional<StoredEvent> get(EventId id);

    /** Every event, oldest first. */
    List<StoredEvent> all();

    /** The events pending for {@code venId} at {@code now}, oldest first; completed ones never. */
    List<GridEvent> pendingFor(String venId, Instant now);

    /**
     * The events the VEN should know about at {@code now}: those addressed to it that have not
     * completed, leaving out cancelled ones it has acknowledged. Oldest first.
     */
    List<GridEvent> openFor(String venId, Instant now);

    /** Notes that {@code events} (as they are now) were sent to {@code venId}. */
    void delivered(String venId, List<GridEvent> events);

    /** Records a VEN's opt response to modification {@code modificationNumber} of an event. */
    OptResult respond(String venId, EventId id, long modificationNumber, OptType opt, Instant at);
}
