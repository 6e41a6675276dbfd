package io.gridshift.domain.meter;

import java.time.Duration;

/**
 * Power-to-energy arithmetic. Gridshift keeps power in kW and energy in kWh as plain doubles whose
 * names end in {@code Kw} and {@code Kwh} (see ADR 0003).
 */
public final class Energy {
    private static final double NANOS_PER_HOUR = 3.6e12;

    private Energy() {}

    /** Energy of a constant {@code kw} held for {@code d}. */
    public static double kwh(double kw, Duration d) {
        return kw * (d.getSeconds() * 1e9 + d.getNano()) / NANOS_PER_HOUR;
    }

    /** The constant power that delivers {@code kwh} over {@code d}. */
    public static double kw(double kwh, Duration d) {
        return kwh * NANOS_PER_HOUR / (d.getSeconds() * 1e9 + d.getNano());
    }
}
