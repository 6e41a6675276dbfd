package io.gridshift.domain.schedule;

/** A site's answer to one version of a plan. */
public enum PlanAckStatus {
    /** Every job of the plan will be carried out as planned. */
    ACCEPTED,
    /** Carried out except the jobs listed as rejected, which run at arrival instead. */
    PARTIAL,
    /** Not applied at all (expired, wrong site, superseded); the reason says why. */
    REJECTED
}
