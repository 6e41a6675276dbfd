package io.gridshift.aggregator.ven;

import io.gridshift.domain.event.GridEvent;
import java.time.Instant;

/**
 * An event the VTN sent, with the VEN's decision on it.
 *
 * @param event the event, its latest modification
 * @param decision opt in or out, and why
 * @param answered whether the VTN has the VEN's {@code oadrCreatedEvent} for this modification
 * @param receivedAt when this modification arrived
 */
public record ReceivedEvent(
        GridEvent event, EventDecider.Decision decision, boolean answered, Instant receivedAt) {

    public ReceivedEvent asAnswered() {
        return new ReceivedEvent(event, decision, true, receivedAt);
    }
}
