package io.gridshift.aggregator.event;

import io.gridshift.aggregator.dispatch.DispatchState;
import java.time.Instant;

/**
 * What the closed loop knows of one site in an event at one step.
 *
 * @param online whether the fleet counts it online
 * @param lastSeen when it was last heard from; {@code null} if never
 * @param state its event order's state; {@code null} when it has none
 * @param achievedKw the reduction its latest ack reported (the agent's counterfactual baseline less
 *     its load); {@code null} when none has
 * @param gridImportKw its latest metered grid import; {@code null} before any reading
 */
public record SiteReading(
        boolean online,
        Instant lastSeen,
        DispatchState state,
        Double achievedKw,
        Double gridImportKw) {

    /** A site never heard from. */
    public static final SiteReading NONE = new SiteReading(false, null, null, null, null);
}
