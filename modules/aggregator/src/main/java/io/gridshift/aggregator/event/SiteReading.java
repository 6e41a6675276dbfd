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
 * @param achievedAt when the site measured {@code achievedKw} (its ack's {@code ts}); {@code null}
 *     when unknown (taken as now)
 */
public record SiteReading(
        boolean online,
        Instant lastSeen,
        DispatchState state,
        Double achievedKw,
        Double gridImportKw,
        Instant achievedAt) {

    /** A site never heard from. */
    public static final SiteReading NONE = new SiteReading(false, null, null, null, null, null);

    /** A reading whose achieved kW is taken as measured now. */
    public SiteReading(
            boolean online,
            Instant lastSeen,
            DispatchState state,
            Double achievedKw,
            Double gridImportKw) {
        this(online, lastSeen, state, achievedKw, gridImportKw, null);
    }

    /**
     * The instant the achieved kW stands for: the ack's time, never later than {@code now}; what
     * was ordered to land after it cannot show in it yet.
     */
    Instant asOf(Instant now) {
        return achievedAt == null || achievedAt.isAfter(now) ? now : achievedAt;
    }
}
