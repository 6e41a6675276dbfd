package io.gridshift.domain.flex;

import io.gridshift.domain.Check;
import io.gridshift.domain.Ids;
import java.time.Duration;

/**
 * Generation behind the meter (a genset): it lowers grid import at a fuel cost and with emissions
 * that the allocation and the carbon accounting count.
 *
 * @param id resource id
 * @param maxKw rated output available to the grid event
 * @param maxDuration run time allowed (fuel, permits); {@code null} when unbounded
 * @param ramp start and synchronisation time
 * @param costPerKwh fuel and wear per kWh (currency/kWh)
 * @param co2KgPerKwh emissions per kWh generated
 */
public record OnsiteGeneration(
        String id,
        double maxKw,
        Duration maxDuration,
        Duration ramp,
        double costPerKwh,
        double co2KgPerKwh)
        implements FlexResource {
    public OnsiteGeneration {
        Ids.check("id", id);
        Check.powerKw("maxKw", maxKw);
        if (maxDuration != null) {
            Check.duration("maxDuration", maxDuration, Limits.MAX_HOLD);
        }
        Check.duration("ramp", ramp, Limits.MAX_RAMP);
        Check.range("costPerKwh", costPerKwh, 0, Limits.MAX_COST_PER_KWH);
        Check.range("co2KgPerKwh", co2KgPerKwh, 0, Limits.MAX_CO2_KG_PER_KWH);
    }

    @Override
    public ResourceKind kind() {
        return ResourceKind.ONSITE_GENERATION;
    }

    @Override
    public double maxReductionKw() {
        return maxKw;
    }
}
