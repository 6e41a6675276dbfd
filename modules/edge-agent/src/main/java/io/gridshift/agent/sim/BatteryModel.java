package io.gridshift.agent.sim;

/**
 * The UPS battery's state of charge. A discharge is met from the energy above the floor and stops
 * at the floor whatever it was asked; without a discharge the battery recharges to 100 % at its
 * recharge power, paying the round-trip loss on the way in.
 */
final class BatteryModel {
    private final BatteryOptions options;
    private double socPct = 100;
    private double powerKw;

    BatteryModel(BatteryOptions options) {
        this.options = options;
    }

    /**
     * One step.
     *
     * @param dischargeKw asked discharge (0: recharge if needed)
     * @param loadKw the site's load after the genset: a discharge never exports
     * @param rechargeCapKw most power a recharge may draw (a rebound limit); infinite without one
     * @return battery power: positive when discharging, negative when charging
     */
    double step(double dischargeKw, double loadKw, double rechargeCapKw, long stepS) {
        double hours = stepS / 3600.0;
        if (dischargeKw > 0) {
            double deliverableKw = availableKwh() / hours;
            double askedKw = Math.max(0, Math.min(Math.min(dischargeKw, options.maxKw()), loadKw));
            if (askedKw >= deliverableKw) {
                // The floor stops the discharge; land on it exactly rather than a rounding below.
                powerKw = deliverableKw;
                socPct = Math.max(socPct - pct(powerKw * hours), options.minSocPct());
            } else {
                powerKw = askedKw;
                socPct -= pct(powerKw * hours);
            }
        } else if (socPct < 100) {
            double missingKwh = (100 - socPct) / 100 * options.energyKwh();
            double chargeKw =
                    Math.max(
                            0,
                            Math.min(
                                    Math.min(options.rechargeKw(), rechargeCapKw),
                                    missingKwh / options.roundTripEfficiency() / hours));
            socPct = Math.min(100, socPct + pct(chargeKw * options.roundTripEfficiency() * hours));
            powerKw = -chargeKw;
        } else {
            powerKw = 0;
        }
        return powerKw;
    }

    /** Energy above the floor, in kWh. */
    double availableKwh() {
        return Math.max(0, socPct - options.minSocPct()) / 100 * options.energyKwh();
    }

    double socPct() {
        return socPct;
    }

    double powerKw() {
        return powerKw;
    }

    BatteryOptions options() {
        return options;
    }

    private double pct(double kwh) {
        return kwh / options.energyKwh() * 100;
    }
}
