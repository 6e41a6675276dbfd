package io.gridshift.domain.flex;

import io.gridshift.domain.Check;
import io.gridshift.domain.Ids;
import java.time.Duration;

/**
 * Batch work that can wait. Deferred energy comes back later ({@code reboundFactor} × the energy
 * shed), which the allocation must count.
 *
 * @param id resource id
 * @param maxReductionKw power of the jobs that could be held now
 * @param maxDuration how long they can be held before the first deadline is at risk
 * @param ramp time to hold or suspend them
 * @param costPerKwh cost of deferring one kWh of work, in the settlement currency
 * @param reboundFactor energy consumed later per kWh shed (1.0: all of it comes back)
 */
public record DeferrableJobs(
        String id,
        double maxReductionKw,
        Duration maxDuration,
        Duration ramp,
        double costPerKwh,
        double reboundFactor)
        implements FlexResource {
    public DeferrableJobs {
        Ids.check("id", id);
        Check.powerKw("maxReductionKw", maxReductionKw);
        Check.duration("maxDuration", maxDuration, Limits.MAX_HOLD);
        Check.duration("ramp", ramp, Limits.MAX_RAMP);
        Check.range("costPerKwh", costPerKwh, 0, Limits.MAX_COST_PER_KWH);
        Check.range("reboundFactor", reboundFactor, 0, 2);
    }

    @Override
    public ResourceKind kind() {
        return ResourceKind.DEFERRABLE_JOBS;
    }
}
