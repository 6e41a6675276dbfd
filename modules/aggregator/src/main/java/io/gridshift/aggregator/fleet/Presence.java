package io.gridshift.aggregator.fleet;

/** Whether the aggregator counts a site as reachable. */
public enum Presence {
    /** Reporting: its load and (valid) flexibility count in the fleet totals. */
    ONLINE,
    /** Its agent said goodbye, or the broker published its will. */
    OFFLINE,
    /** Silent for longer than the stale limit; it left the fleet's flexibility. */
    STALE
}
