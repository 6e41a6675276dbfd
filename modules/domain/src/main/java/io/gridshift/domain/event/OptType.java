package io.gridshift.domain.event;

/** A VEN's answer to an event, or its statement of (un)availability. */
public enum OptType {
    OPT_IN,
    OPT_OUT
}
