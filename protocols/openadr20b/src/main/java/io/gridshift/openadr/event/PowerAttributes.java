package io.gridshift.openadr.event;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The {@code power:powerAttributes} OpenADR requires with every power unit (kW and the like): the
 * grid's frequency and nominal voltage. A {@code GridEvent} carries only the unit ("kW"), so a VTN
 * states these once for the grid it serves.
 *
 * @param hertz grid frequency, e.g. 50 or 60
 * @param voltage nominal voltage in volts, e.g. 400 or 480
 * @param ac alternating current
 */
public record PowerAttributes(BigDecimal hertz, BigDecimal voltage, boolean ac) {
    /** A European low-voltage connection: 50 Hz, 400 V, AC. */
    public static final PowerAttributes EUROPE_400V =
            new PowerAttributes(new BigDecimal("50"), new BigDecimal("400"), true);

    /** A North American commercial connection: 60 Hz, 480 V, AC. */
    public static final PowerAttributes NORTH_AMERICA_480V =
            new PowerAttributes(new BigDecimal("60"), new BigDecimal("480"), true);

    public PowerAttributes {
        Objects.requireNonNull(hertz, "hertz");
        Objects.requireNonNull(voltage, "voltage");
    }
}
