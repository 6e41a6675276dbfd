package io.gridshift.domain.event;

/** How to read a signal's values (OpenADR {@code signalType}). */
public enum SignalType {
    LEVEL,
    PRICE,
    PRICE_RELATIVE,
    PRICE_MULTIPLIER,
    /** An absolute target, e.g. the load not to exceed. */
    SETPOINT,
    /** A change relative to the baseline, e.g. kW to shed (negative values shed). */
    DELTA,
    MULTIPLIER,
    DELTA_OR_SETPOINT_OTHER
}
