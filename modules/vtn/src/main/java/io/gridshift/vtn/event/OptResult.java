package io.gridshift.vtn.event;

/** What became of one opt response a VEN sent for an event. */
public enum OptResult {
    /** Recorded. */
    RECORDED,
    /** No such event. */
    UNKNOWN_EVENT,
    /** The event does not target this VEN. */
    NOT_TARGETED,
    /** The response names a modification number the VTN never issued. */
    FUTURE_MODIFICATION
}
