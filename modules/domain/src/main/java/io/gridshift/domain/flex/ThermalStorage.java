package io.gridshift.domain.flex;

import io.gridshift.domain.Check;
import io.gridshift.domain.Ids;
import java.time.Duration;

/**
 * Chilled-water storage: chillers can stop while the stored cold carries the cooling load, until
 * the supply temperature limit is reached.
 *
 * @param id resource id
 * @param maxReductionKw chiller power that can be switched off
 * @param maxDuration how long the store lasts at that reduction
 * @param ramp time to stop the chillers safely
 * @param costPerKwh cost of the extra pre-cooling energy per kWh shed (currency/kWh)
 */
public record ThermalStorage(
        String id, double maxReductionKw, Duration maxDuration, Duration ramp, double costPerKwh)
        implements FlexResource {
    public ThermalStorage {
        Ids.check("id", id);
        Check.powerKw("maxReductionKw", maxReductionKw);
        Check.duration("maxDuration", maxDuration, Limits.MAX_HOLD);
        Check.duration("ramp", ramp, Limits.MAX_RAMP);
        Check.range("costPerKwh", costPerKwh, 0, Limits.MAX_COST_PER_KWH);
    }

    @Override
    public ResourceKind kind() {
        return ResourceKind.THERMAL;
    }
}
