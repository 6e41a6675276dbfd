package io.gridshift.storage.ledger;

import io.gridshift.domain.Check;
import java.time.Instant;

/**
 * Something an operator did through the API or CLI (cancel an order, re-settle an event, opt out).
 *
 * @param actor who did it
 * @param action what, a short code such as {@code cancel_order}
 * @param target what it was done to, e.g. an order or event id
 * @param detail free text
 * @param at when
 */
public record OperatorAction(
        String actor, String action, String target, String detail, Instant at) {
    public OperatorAction {
        Check.text("actor", Check.required("actor", actor));
        Check.text("action", Check.required("action", action));
        Check.text("target", target);
        if (detail != null && detail.length() > 1024) {
            throw new io.gridshift.domain.error.InvalidFieldException(
                    "detail", "length", detail, "must have at most 1024 characters");
        }
        Check.required("at", at);
    }
}
