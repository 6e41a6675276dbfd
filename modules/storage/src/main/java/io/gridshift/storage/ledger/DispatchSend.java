package io.gridshift.storage.ledger;

import io.gridshift.domain.Check;
import io.gridshift.domain.dispatch.DispatchId;
import java.time.Instant;

/**
 * One hand-over of an order's revision to a transport.
 *
 * @param dispatchId the order
 * @param revision the revision sent
 * @param attempt 1 for the first send, then one more per resend
 * @param transport the transport's name, e.g. {@code MQTT} or {@code COAP}
 * @param at when it was handed over
 */
public record DispatchSend(
        DispatchId dispatchId, int revision, int attempt, String transport, Instant at) {
    public DispatchSend {
        Check.required("dispatchId", dispatchId);
        Check.range("revision", revision, 1, Integer.MAX_VALUE);
        Check.range("attempt", attempt, 1, Integer.MAX_VALUE);
        Check.text("transport", Check.required("transport", transport));
        if (transport.length() > 16) {
            Check.range("transport.length", transport.length(), 1, 16);
        }
        Check.required("at", at);
    }
}
