package io.gridshift.domain.flex;

/** The kinds of flexibility a data center offers. */
public enum ResourceKind {
    /** Batch work that can wait, within each job's deadline. */
    DEFERRABLE_JOBS,
    /** Accelerator or CPU work run under a lower power limit, at a throughput loss. */
    POWER_CAP,
    /** A UPS or battery that discharges to carry part of the load. */
    BATTERY,
    /** Chilled-water storage: pre-cool, then coast with the chillers off. */
    THERMAL,
    /** Jobs that can move to a site in another grid zone. */
    MIGRATABLE_JOBS,
    /** A genset or other generation behind the meter. */
    ONSITE_GENERATION
}
