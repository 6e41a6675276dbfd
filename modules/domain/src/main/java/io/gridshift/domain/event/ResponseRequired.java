package io.gridshift.domain.event;

/** Whether the VEN must answer the event with an opt-in or opt-out. */
public enum ResponseRequired {
    ALWAYS,
    NEVER
}
