package io.gridshift.agent.sim;

import io.gridshift.domain.Check;

/**
 * The UPS battery. It floats at 100 % and, after a discharge, recharges at {@code rechargeKw}.
 * Round-trip losses are all counted on the charge side, so that the energy above the floor in the
 * envelope is exactly what a discharge can deliver.
 *
 * @param energyKwh capacity at 100 %
 * @param maxKw inverter limit for discharge
 * @param minSocPct floor kept for ride-through; never dispatched below
 * @param rechargeKw grid power drawn while recharging
 * @param roundTripEfficiency energy out per energy in (0.5-1)
 * @param wearCostPerKwh degradation cost per kWh discharged
 */
public record BatteryOptions(
        double energyKwh,
        double maxKw,
        double minSocPct,
        double rechargeKw,
        double roundTripEfficiency,
        double wearCostPerKwh) {
    public BatteryOptions {
        Check.range("battery.energyKwh", energyKwh, 1, Check.MAX_ENERGY_KWH);
        Check.powerKw("battery.maxKw", maxKw);
        Check.range("battery.minSocPct", minSocPct, 0, 99);
        Check.range("battery.rechargeKw", rechargeKw, 1, Check.MAX_SITE_KW);
        Check.range("battery.roundTripEfficiency", roundTripEfficiency, 0.5, 1);
        Check.range("battery.wearCostPerKwh", wearCostPerKwh, 0, 1_000);
    }

    /** 4 MWh, 2 MW, 50 % floor, 500 kW recharge, 92 % round trip, 0.05 per kWh of wear. */
    public static BatteryOptions typical() {
        return new BatteryOptions(4_000, 2_000, 50, 500, 0.92, 0.05);
    }
}
