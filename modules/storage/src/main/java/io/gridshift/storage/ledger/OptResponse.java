package io.gridshift.storage.ledger;

import io.gridshift.domain.Check;
import io.gridshift.domain.event.EventId;
import io.gridshift.domain.event.OptType;
import java.time.Instant;

/**
 * The VEN's opt-in or opt-out for one modification of an event, as sent to the VTN.
 *
 * @param eventId the event
 * @param modificationNumber the modification answered
 * @param opt in or out
 * @param reason why, if said
 * @param at when it was decided
 */
public record OptResponse(
        EventId eventId, long modificationNumber, OptType opt, String reason, Instant at) {
    public OptResponse {
        Check.required("eventId", eventId);
        Check.range("modificationNumber", modificationNumber, 0, Integer.MAX_VALUE);
        Check.required("opt", opt);
        Check.text("reason", reason);
        Check.required("at", at);
    }
}
