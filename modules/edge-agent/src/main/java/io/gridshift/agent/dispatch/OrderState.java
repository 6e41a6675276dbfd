package io.gridshift.agent.dispatch;

import io.gridshift.domain.dispatch.AckStatus;

/** Where the agent stands with the latest revision of one order; persisted with it. */
public enum OrderState {
    /** Checked and written ahead; waits for its start. */
    ACCEPTED(AckStatus.ACCEPTED),
    /** Applied at the site; reverts at its end. */
    ACTIVE(AckStatus.ACTIVE),
    /**
     * Acked FAILED, but the adapter threw while undoing it, so the actions may still be in force;
     * the executor retries the revert on every tick until it goes through.
     */
    REVERT_PENDING(AckStatus.FAILED),
    /** Reverted at its end. */
    COMPLETED(AckStatus.COMPLETED),
    /** Could not be applied; reverted. */
    FAILED(AckStatus.FAILED);

    private final AckStatus ackStatus;

    OrderState(AckStatus ackStatus) {
        this.ackStatus = ackStatus;
    }

    /** What a copy of the order is re-acked with in this state. */
    public AckStatus ackStatus() {
        return ackStatus;
    }

    /** Whether nothing more happens to the order except being forgotten after its retention. */
    public boolean isFinal() {
        return this == COMPLETED || this == FAILED;
    }
}
