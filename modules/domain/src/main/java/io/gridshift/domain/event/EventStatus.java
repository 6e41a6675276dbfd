package io.gridshift.domain.event;

/** Where an event stands, as OpenADR's {@code eventStatus} names it. */
public enum EventStatus {
    /** Nothing is scheduled (a VTN's placeholder). */
    NONE,
    /** Scheduled, not yet near. */
    FAR,
    /** Starting soon: inside the notification window. */
    NEAR,
    /** Running. */
    ACTIVE,
    /** Ended. */
    COMPLETED,
    /** Withdrawn by the VTN. */
    CANCELLED
}
