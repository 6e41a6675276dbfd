package io.gridshift.aggregator.dispatch;

import io.gridshift.domain.dispatch.AckStatus;

/**
 * Where an order stands, as the aggregator tracks it. The site's acks move it; retries and the ack
 * timeout move it from {@link #SENT} to {@link #UNACKNOWLEDGED}.
 */
public enum DispatchState {
    /** Issued, not yet handed to the transport. */
    PENDING,
    /** Handed to the transport; waiting for the site's first ack. */
    SENT,
    /** The site checked it and will act at its start. */
    ACCEPTED,
    /** The site is acting on it. */
    ACTIVE,
    /** Ended and reverted at the site. */
    COMPLETED,
    /** Refused by the site as a whole, with a reason. */
    REJECTED,
    /** The site could not act or revert as asked. */
    FAILED,
    /** No ack after every retry; a late ack still moves it on. */
    UNACKNOWLEDGED;

    /** Whether nothing more can happen to this revision. */
    public boolean isFinal() {
        return this == COMPLETED || this == REJECTED || this == FAILED;
    }

    /** Whether the aggregator still waits for the site's first answer (and resends). */
    public boolean awaitsAck() {
        return this == PENDING || this == SENT;
    }

    /**
     * The state after the site acknowledged {@code ack}; an ack that cannot move the order forward
     * (a copy, or one overtaken by a later ack) leaves it where it is.
     */
    public DispatchState after(AckStatus ack) {
        if (isFinal()) {
            return this;
        }
        return switch (ack) {
            case ACCEPTED -> awaitsAck() || this == UNACKNOWLEDGED ? ACCEPTED : this;
            case ACTIVE -> ACTIVE;
            case COMPLETED -> COMPLETED;
            case REJECTED -> this == ACTIVE ? this : REJECTED;
            case FAILED -> FAILED;
        };
    }
}
