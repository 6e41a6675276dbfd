package io.gridshift.agent.sim;

import io.gridshift.domain.Check;
import java.time.Duration;

/**
 * A diesel or gas genset behind the meter.
 *
 * @param kw rated output
 * @param costPerKwh fuel and wear per kWh
 * @param co2KgPerKwh emissions per kWh
 * @param startTime start and synchronisation; output ramps linearly over it
 */
public record GensetOptions(double kw, double costPerKwh, double co2KgPerKwh, Duration startTime) {
    public GensetOptions {
        Check.range("genset.kw", kw, 1, Check.MAX_SITE_KW);
        Check.range("genset.costPerKwh", costPerKwh, 0, 1_000);
        Check.range("genset.co2KgPerKwh", co2KgPerKwh, 0, 5);
        Check.duration("genset.startTime", startTime, Duration.ofHours(2));
    }

    /** 3 MW diesel: 0.25 per kWh, 0.7 kg CO2 per kWh, 30 s to full output. */
    public static GensetOptions typical() {
        return new GensetOptions(3_000, 0.25, 0.7, Duration.ofSeconds(30));
    }
}
