package io.gridshift.aggregator.ven;

import java.util.List;

/**
 * What one poll of the VTN brought.
 *
 * @param outcome what the VTN answered
 * @param events the events of a distribute message (empty otherwise)
 * @param answered those the VEN answered with {@code oadrCreatedEvent} in this poll
 */
public record PollResult(
        Outcome outcome, List<ReceivedEvent> events, List<ReceivedEvent> answered) {
    public PollResult {
        events = List.copyOf(events);
        answered = List.copyOf(answered);
    }

    /** What the VTN answered a poll with. */
    public enum Outcome {
        /** Nothing pending. */
        IDLE,
        /** An {@code oadrDistributeEvent}. */
        EVENTS,
        /** The VTN did not know the VEN (463/452, or it asked): it registered again. */
        REREGISTERED,
        /** A report request, cancellation or registration, answered. */
        REPORTS,
        /** The VTN ended the registration; the VEN registers anew at its next poll. */
        REGISTRATION_CANCELLED,
        /** A message the VEN has nothing to do with (answered or logged). */
        IGNORED
    }

    static PollResult of(Outcome outcome) {
        return new PollResult(outcome, List.of(), List.of());
    }
}
