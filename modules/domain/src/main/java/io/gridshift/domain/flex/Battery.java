package io.gridshift.domain.flex;

import io.gridshift.domain.Check;
import io.gridshift.domain.Ids;
import io.gridshift.domain.error.InvalidFieldException;
import java.time.Duration;

/**
 * A UPS or battery that can carry part of the load. Only the energy above {@code minSocPct} may be
 * used: the floor keeps the ride-through the data center's resilience depends on.
 *
 * @param id resource id
 * @param maxDischargeKw inverter limit
 * @param energyKwh usable capacity at 100 % state of charge
 * @param socPct state of charge now
 * @param minSocPct floor the aggregator may never dispatch below
 * @param ramp time to full discharge power
 * @param wearCostPerKwh degradation cost per kWh discharged (currency/kWh)
 */
public record Battery(
        String id,
        double maxDischargeKw,
        double energyKwh,
        double socPct,
        double minSocPct,
        Duration ramp,
        double wearCostPerKwh)
        implements FlexResource {
    public Battery {
        Ids.check("id", id);
        Check.powerKw("maxDischargeKw", maxDischargeKw);
        Check.energyKwh("energyKwh", energyKwh);
        Check.percent("socPct", socPct);
        Check.percent("minSocPct", minSocPct);
        Check.duration("ramp", ramp, Limits.MAX_RAMP);
        Check.range("wearCostPerKwh", wearCostPerKwh, 0, Limits.MAX_COST_PER_KWH);
        if (energyKwh == 0 && maxDischargeKw > 0) {
            throw new InvalidFieldException(
                    "energyKwh", "range", energyKwh, "must be above 0 when maxDischargeKw is");
        }
    }

    @Override
    public ResourceKind kind() {
        return ResourceKind.BATTERY;
    }

    /** Energy above the floor, in kWh. */
    public double availableKwh() {
        return Math.max(0, socPct - minSocPct) / 100.0 * energyKwh;
    }

    @Override
    public double maxReductionKw() {
        return availableKwh() > 0 ? maxDischargeKw : 0;
    }

    /** How long full power lasts before the floor; {@code PT0S} when at or below it. */
    @Override
    public Duration maxDuration() {
        if (maxDischargeKw == 0) {
            return Duration.ZERO;
        }
        return Duration.ofSeconds((long) (availableKwh() / maxDischargeKw * 3600));
    }
}
