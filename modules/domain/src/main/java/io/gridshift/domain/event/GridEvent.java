package io.gridshift.domain.event;

import io.gridshift.domain.Check;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A demand-response or peak-shaving event from a grid operator, independent of how it arrived
 * (OpenADR 2.0b today). A new {@code modificationNumber} of the same id replaces the event.
 *
 * @param id the VTN's event id
 * @param modificationNumber starts at 0, rises with each change
 * @param modificationReason why it was changed, if said
 * @param marketContext the program the event belongs to (a URI)
 * @param priority lower numbers win over higher ones, 1 is the highest; 0 means no priority
 *     (OpenADR 2.0b), which ranks last
 * @param createdAt when the VTN created it
 * @param status the status the VTN gave it
 * @param testEvent a test: acknowledged, never dispatched
 * @param responseRequired whether an opt-in or opt-out must be sent
 * @param start the active period's start
 * @param duration the active period's length
 * @param startAfter the VEN picks a random start within this delay (OpenADR tolerance)
 * @param notification how long before the start the event is announced
 * @param rampUp the period before the start in which to ramp down
 * @param recovery the period after the end in which to return to normal
 * @param signals the event's signals, at least one
 * @param targets whom it addresses
 */
public record GridEvent(
        EventId id,
        long modificationNumber,
        String modificationReason,
        String marketContext,
        long priority,
        Instant createdAt,
        EventStatus status,
        boolean testEvent,
        ResponseRequired responseRequired,
        Instant start,
        Duration duration,
        Duration startAfter,
        Duration notification,
        Duration rampUp,
        Duration recovery,
        List<EventSignal> signals,
        EventTargets targets) {
    private static final Duration MAX_EVENT = Duration.ofDays(7);

    public GridEvent {
        Check.required("eventId", id);
        Check.range("modificationNumber", modificationNumber, 0, Integer.MAX_VALUE);
        Check.text("modificationReason", modificationReason);
        Check.text("marketContext", Check.required("marketContext", marketContext));
        Check.range("priority", priority, 0, 0xFFFF_FFFFL);
        Check.required("createdAt", createdAt);
        Check.required("status", status);
        Check.required("responseRequired", responseRequired);
        Check.required("start", start);
        Check.duration("duration", duration, MAX_EVENT);
        startAfter = orZero("startAfter", startAfter);
        notification = orZero("notification", notification);
        rampUp = orZero("rampUp", rampUp);
        recovery = orZero("recovery", recovery);
        signals = List.copyOf(Check.size("signals", signals, 1, 64));
        Check.required("targets", targets);
    }

    private static Duration orZero(String field, Duration d) {
        return d == null ? Duration.ZERO : Check.duration(field, d, MAX_EVENT);
    }

    public Instant end() {
        return start.plus(duration);
    }

    /** Whether {@code t} lies in [start, end). */
    public boolean isActiveAt(Instant t) {
        return !t.isBefore(start) && t.isBefore(end());
    }

    public boolean isCancelled() {
        return status == EventStatus.CANCELLED;
    }

    /** Whether this event is a newer version of {@code other}. */
    public boolean supersedes(GridEvent other) {
        return id.equals(other.id) && modificationNumber > other.modificationNumber;
    }

    /**
     * The status at {@code now} by the clock, as a VEN derives it between VTN updates: a
     * cancellation stays, otherwise FAR, NEAR (inside the notification or ramp-up window), ACTIVE
     * or COMPLETED.
     */
    public EventStatus statusAt(Instant now) {
        if (isCancelled()) {
            return EventStatus.CANCELLED;
        }
        if (!now.isBefore(end())) {
            return EventStatus.COMPLETED;
        }
        if (!now.isBefore(start)) {
            return EventStatus.ACTIVE;
        }
        Duration lead = notification.compareTo(rampUp) > 0 ? notification : rampUp;
        return now.isBefore(start.minus(lead)) ? EventStatus.FAR : EventStatus.NEAR;
    }

    /** The first signal with that name. */
    public Optional<EventSignal> signal(SignalName name) {
        return signals.stream().filter(s -> s.name() == name).findFirst();
    }
}
