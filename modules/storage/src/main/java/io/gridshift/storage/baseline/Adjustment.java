package io.gridshift.storage.baseline;

import io.gridshift.domain.Check;
import java.time.Duration;

/**
 * A day-of adjustment: how the event day's own load before the event corrects a baseline made from
 * other days. The adjustment window is {@code [start - offset - length, start - offset)} on the
 * event day; the offset keeps the pre-cooling or pre-shifting a site does once notified out of it.
 *
 * @param kind none, additive (add the difference) or ratio (multiply by the quotient)
 * @param cap the largest change as a fraction: additive adds at most {@code cap} times the
 *     baseline's window mean either way, ratio stays within {@code [1 - cap, 1 + cap]}; {@code
 *     Double.POSITIVE_INFINITY} for none
 * @param length the window's length
 * @param offset the gap between the window's end and the event's start
 */
public record Adjustment(Kind kind, double cap, Duration length, Duration offset) {
    /** No adjustment. */
    public static final Adjustment NONE =
            new Adjustment(Kind.NONE, Double.POSITIVE_INFINITY, Duration.ZERO, Duration.ZERO);

    public Adjustment {
        Check.required("adjustment.kind", kind);
        if (!(cap > 0)) {
            throw new io.gridshift.domain.error.InvalidFieldException(
                    "adjustment.cap", "range", cap, "must be above 0 (Infinity for no cap)");
        }
        Check.duration("adjustment.length", length, Duration.ofHours(12));
        Check.duration("adjustment.offset", offset, Duration.ofHours(12));
        if (kind != Kind.NONE && length.isZero()) {
            throw new io.gridshift.domain.error.InvalidFieldException(
                    "adjustment.length", "range", length, "must be above PT0S for " + kind);
        }
    }

    public static Adjustment additive(Duration length, Duration offset) {
        return new Adjustment(Kind.ADDITIVE, Double.POSITIVE_INFINITY, length, offset);
    }

    public static Adjustment ratio(double cap, Duration length, Duration offset) {
        return new Adjustment(Kind.RATIO, cap, length, offset);
    }

    /** How the correction is applied. */
    public enum Kind {
        NONE,
        ADDITIVE,
        RATIO
    }
}
