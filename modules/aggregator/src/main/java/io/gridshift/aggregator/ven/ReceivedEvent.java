package io.gridshift.aggregator.ven;

import io.gridshift.domain.event.EventStatus;
import io.gridshift.domain.event.GridEvent;
import io.gridshift.domain.event.OptType;
import java.time.Instant;

/**
 * An event the VTN sent, with the VEN's decision on it.
 *
 * @param event the event, its latest modification
 * @param window when the fleet acts on it (randomized start, ramp-up, recovery)
 * @param decision opt in or out, and why
 * @param answered whether the VTN has the VEN's {@code oadrCreatedEvent} for this modification
 * @param receivedAt when this modification arrived
 */
public record ReceivedEvent(
        GridEvent event,
        EventWindow window,
        EventDecider.Decision decision,
        boolean answered,
        Instant receivedAt) {

    public ReceivedEvent asAnswered() {
        return new ReceivedEvent(event, window, decision, true, receivedAt);
    }

    /** Whether the fleet is to act on it: opted in, not a test, not cancelled or completed. */
    public boolean dispatchable() {
        return decision.opt() == OptType.OPT_IN
                && !event.testEvent()
                && event.status() != EventStatus.CANCELLED
                && event.status() != EventStatus.COMPLETED;
    }

    /**
     * Whether this event takes flexibility before {@code other} does: a lower priority number
     * first, 0 (no priority) last.
     */
    boolean ranksBefore(GridEvent other) {
        return rank(event.priority()) <= rank(other.priority());
    }

    private static long rank(long priority) {
        return priority == 0 ? Long.MAX_VALUE : priority;
    }

    /** The same event, cancelled: the VTN no longer distributes it. */
    ReceivedEvent implicitlyCancelled(Instant now) {
        GridEvent e = event;
        GridEvent cancelled =
                new GridEvent(
                        e.id(),
                        e.modificationNumber(),
                        "no longer distributed by the VTN",
                        e.marketContext(),
                        e.priority(),
                        e.createdAt(),
                        EventStatus.CANCELLED,
                        e.testEvent(),
                        e.responseRequired(),
                        e.start(),
                        e.duration(),
                        e.startAfter(),
                        e.notification(),
                        e.rampUp(),
                        e.recovery(),
                        e.signals(),
                        e.targets());
        return new ReceivedEvent(
                cancelled,
                window,
                new EventDecider.Decision(
                        OptType.OPT_IN, "implicitly cancelled: no longer distributed", 0),
                true,
                now);
    }
}
