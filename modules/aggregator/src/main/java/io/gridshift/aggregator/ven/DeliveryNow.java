package io.gridshift.aggregator.ven;

/**
 * What the fleet's running grid events take off its load now, as their closed loops last measured
 * it: the VEN reports it to the VTN during an event (the baseline and the reduction in its
 * telemetry).
 *
 * @param events how many events are being delivered
 * @param committedKw the reduction committed for the interval under way, every event together
 * @param deliveredKw the reduction measured by the loops (baseline − actual of the ordered sites)
 */
public record DeliveryNow(int events, double committedKw, double deliveredKw) {
    /** No event under way. */
    public static final DeliveryNow NONE = new DeliveryNow(0, 0, 0);
}
