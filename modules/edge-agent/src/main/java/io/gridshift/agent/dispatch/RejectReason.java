package io.gridshift.agent.dispatch;

import java.util.Locale;

/**
 * Why an order was refused as a whole. The {@link #code()} is stable: it labels the rejection
 * counters and starts the ack's reason text ({@code "stale_revision: ..."}), so that the aggregator
 * can tell reasons apart without parsing prose.
 */
public enum RejectReason {
    /** The order names another site. */
    SITE_MISMATCH,
    /** A lower revision than the one the agent holds. */
    STALE_REVISION,
    /** The revision the agent holds, but with different content. */
    REPLAYED,
    /** The order's end is not after now. */
    WINDOW_OVER,
    /** The start lies beyond the agent's planning horizon. */
    TOO_FAR_AHEAD,
    /** An action names a resource the site's envelope does not list. */
    UNKNOWN_RESOURCE,
    /** A migration names a job the site's envelope does not list. */
    UNKNOWN_JOB,
    /**
     * A LIMIT_REBOUND names a resource that gives nothing back after an event (only deferrable
     * jobs, a battery and a thermal store do).
     */
    NO_REBOUND,
    /** The site adapter's own check said no (deadline, state-of-charge floor, capacity). */
    ADAPTER_REFUSED,
    /** The site adapter threw while checking or while undoing the previous revision. */
    ADAPTER_ERROR,
    /** The order could not be written ahead to disk, so it cannot be promised. */
    STORE_UNAVAILABLE;

    /** Lower-case code, e.g. {@code stale_revision}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
