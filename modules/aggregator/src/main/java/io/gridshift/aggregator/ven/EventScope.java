package io.gridshift.aggregator.ven;

/**
 * The part of the fleet an event addresses, by its targets, and what that part has now.
 *
 * @param addressed whether the event addresses this VEN at all
 * @param what the part in words, for the decision's reason (e.g. "fleet", "zones [DE]")
 * @param loadKw its load now
 * @param flexKw its flexibility now
 * @param unavailableSites sites the event names that cannot take part now: unknown, offline or
 *     without flexibility
 */
public record EventScope(
        boolean addressed,
        String what,
        double loadKw,
        double flexKw,
        java.util.Set<String> unavailableSites) {

    public EventScope {
        unavailableSites = java.util.Set.copyOf(unavailableSites);
    }

    public EventScope(boolean addressed, String what, double loadKw, double flexKw) {
        this(addressed, what, loadKw, flexKw, java.util.Set.of());
    }

    /** The whole fleet. */
    public static EventScope fleet(double loadKw, double flexKw) {
        return new EventScope(true, "fleet", loadKw, flexKw);
    }

    /** An event for other VENs only. */
    public static EventScope notAddressed(String why) {
        return new EventScope(false, why, 0, 0);
    }
}
