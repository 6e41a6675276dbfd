package io.gridshift.domain.event;

/** The OpenADR 2.0b signal names Gridshift acts on. */
public enum SignalName {
    /** Levels 0 (normal) to 3 (maximum shed). */
    SIMPLE,
    /** A price per kWh; input to the day-ahead scheduler and to the opt decision. */
    ELECTRICITY_PRICE,
    /** A load setpoint or a change to the load, in kW. */
    LOAD_DISPATCH,
    /** Any other signal name; recorded, not acted on. */
    OTHER
}
