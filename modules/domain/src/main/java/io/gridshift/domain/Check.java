package io.gridshift.domain;

import io.gridshift.domain.error.InvalidFieldException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * Validation rules shared by every record of the domain. Each failure is an {@link
 * InvalidFieldException} that names the field, the rule and the value. The rule codes are stable
 * (they label metrics): {@code required}, {@code finite}, {@code range}, {@code pattern}, {@code
 * length}, {@code order}, {@code unique}, {@code size}.
 */
public final class Check {
    /** Largest power a single site may report or be asked for: 5 GW, above any campus today. */
    public static final double MAX_SITE_KW = 5_000_000;

    /** Largest energy a single resource may hold: 100 GWh. */
    public static final double MAX_ENERGY_KWH = 100_000_000;

    /** Longest text a free-form field (reason, name) may carry. */
    public static final int MAX_TEXT_CHARS = 256;

    /** Most entries any list of the domain may hold (resources, jobs, actions, intervals). */
    public static final int MAX_LIST_SIZE = 10_000;

    private Check() {}

    public static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidFieldException(field, "required", null, "is required");
        }
        return value;
    }

    /** A power in kW within [{@code 0}, {@link #MAX_SITE_KW}]. */
    public static double powerKw(String field, double kw) {
        return range(field, kw, 0, MAX_SITE_KW);
    }

    /** A signed power (import minus export) within ±{@link #MAX_SITE_KW}. */
    public static double signedPowerKw(String field, double kw) {
        return range(field, kw, -MAX_SITE_KW, MAX_SITE_KW);
    }

    public static double energyKwh(String field, double kwh) {
        return range(field, kwh, 0, MAX_ENERGY_KWH);
    }

    public static double percent(String field, double pct) {
        return range(field, pct, 0, 100);
    }

    /**
     * A finite number within [{@code min}, {@code max}]; NaN and infinities fail as {@code finite}.
     */
    public static double range(String field, double value, double min, double max) {
        if (!Double.isFinite(value)) {
            throw new InvalidFieldException(field, "finite", value, "must be a finite number");
        }
        if (value < min || value > max) {
            throw new InvalidFieldException(
                    field, "range", value, "must be between " + num(min) + " and " + num(max));
        }
        return value;
    }

    public static long range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidFieldException(
                    field, "range", value, "must be between " + min + " and " + max);
        }
        return value;
    }

    /** A duration that is not negative and at most {@code max}. */
    public static Duration duration(String field, Duration value, Duration max) {
        required(field, value);
        if (value.isNegative() || value.compareTo(max) > 0) {
            throw new InvalidFieldException(
                    field, "range", value, "must be between PT0S and " + max);
        }
        return value;
    }

    /** {@code later} must be strictly after {@code earlier}. */
    public static void after(String field, Instant later, String earlierField, Instant earlier) {
        if (!later.isAfter(earlier)) {
            throw new InvalidFieldException(
                    field, "order", later, "must be after " + earlierField + " (" + earlier + ")");
        }
    }

    /**
     * Free text: at most {@link #MAX_TEXT_CHARS} characters, no control characters, valid Unicode.
     */
    public static String text(String field, String value) {
        if (value == null) {
            return null;
        }
        if (value.length() > MAX_TEXT_CHARS) {
            throw new InvalidFieldException(
                    field, "length", value, "must have at most " + MAX_TEXT_CHARS + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                throw new InvalidFieldException(
                        field, "pattern", value, "must not contain control characters");
            }
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                // a lone surrogate cannot be written as UTF-8 or CBOR text
                throw new InvalidFieldException(
                        field, "pattern", value, "must be valid Unicode text (lone surrogate)");
            }
        }
        return value;
    }

    public static <C extends Collection<?>> C size(String field, C values, int min, int max) {
        required(field, values);
        if (values.size() < min || values.size() > max) {
            throw new InvalidFieldException(
                    field,
                    "size",
                    values.size(),
                    "must have between " + min + " and " + max + " entries");
        }
        return values;
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15
                ? Long.toString((long) v)
                : Double.toString(v);
    }
}
