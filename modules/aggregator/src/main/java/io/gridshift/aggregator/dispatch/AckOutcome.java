package io.gridshift.aggregator.dispatch;

import java.io.Serializable;

/**
 * What an ack did to its order.
 *
 * @param result how the ack was taken
 * @param before the state before
 * @param after the state after
 * @param firstAckLatencyMillis time from the order's first send to this ack when it was the first
 *     answer to the revision; -1 otherwise
 */
public record AckOutcome(
        Result result, DispatchState before, DispatchState after, long firstAckLatencyMillis)
        implements Serializable {

    /** How an ack was taken. */
    public enum Result {
        /** It answered the latest revision and moved (or confirmed) its state. */
        APPLIED,
        /** It answered an older revision; the order has moved on. */
        STALE_REVISION,
        /** No such order, or a revision never issued. */
        UNKNOWN_DISPATCH,
        /** The order is for another site. */
        SITE_MISMATCH
    }

    static AckOutcome of(Result result, DispatchState state) {
        return new AckOutcome(result, state, state, -1);
    }
}
