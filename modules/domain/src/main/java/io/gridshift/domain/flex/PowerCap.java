package io.gridshift.domain.flex;

import io.gridshift.domain.Check;
import io.gridshift.domain.Ids;
import io.gridshift.domain.error.InvalidFieldException;
import java.time.Duration;

/**
 * Running accelerator or CPU work under a lower power limit. The cost of a cut is the throughput
 * lost, from {@link LossCurve}.
 *
 * @param id resource id
 * @param maxReductionKw the deepest cut allowed now
 * @param maxDuration how long the cap may stay; {@code null} when unbounded
 * @param ramp time to apply the cap (seconds for GPUs)
 * @param lossCurve throughput lost per kW removed
 * @param valuePerKwhOfWork value of the work, to price the throughput loss (currency/kWh)
 */
public record PowerCap(
        String id,
        double maxReductionKw,
        Duration maxDuration,
        Duration ramp,
        LossCurve lossCurve,
        double valuePerKwhOfWork)
        implements FlexResource {
    public PowerCap {
        Ids.check("id", id);
        Check.powerKw("maxReductionKw", maxReductionKw);
        if (maxDuration != null) {
            Check.duration("maxDuration", maxDuration, Limits.MAX_HOLD);
        }
        Check.duration("ramp", ramp, Limits.MAX_RAMP);
        Check.required("lossCurve", lossCurve);
        if (lossCurve.maxReductionKw() < maxReductionKw) {
            throw new InvalidFieldException(
                    "lossCurve",
                    "range",
                    lossCurve.maxReductionKw(),
                    "must reach maxReductionKw (" + maxReductionKw + ")");
        }
        Check.range("valuePerKwhOfWork", valuePerKwhOfWork, 0, Limits.MAX_COST_PER_KWH);
    }

    @Override
    public ResourceKind kind() {
        return ResourceKind.POWER_CAP;
    }
}
