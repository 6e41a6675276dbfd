package io.gridshift.domain.dispatch;

/** The life of an order at the site, as the agent reports it. */
public enum AckStatus {
    /** Received and checked; will act at the start. */
    ACCEPTED,
    /** Refused as a whole with a reason; nothing was applied. */
    REJECTED,
    /** Acting now; {@code achievedKw} says how much. */
    ACTIVE,
    /** Ended and reverted. */
    COMPLETED,
    /** Could not act or revert as asked; the reason says what happened. */
    FAILED;

    /** Whether no later ack can follow this one for the same revision. */
    public boolean isFinal() {
        return this == REJECTED || this == COMPLETED || this == FAILED;
    }
}
