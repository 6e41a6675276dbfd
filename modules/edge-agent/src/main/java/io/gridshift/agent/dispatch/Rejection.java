package io.gridshift.agent.dispatch;

import java.util.Objects;

/**
 * A refusal: the stable reason and a message for humans.
 *
 * @param reason what kind of refusal
 * @param message what exactly was wrong, naming the offending value
 */
public record Rejection(RejectReason reason, String message) {
    public Rejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    /** The ack's reason text: the code, then the message. */
    public String ackReason() {
        return AckReasons.of(reason.code(), message);
    }
}
