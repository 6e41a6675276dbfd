package io.gridshift.domain.site;

import io.gridshift.domain.Check;
import io.gridshift.domain.error.InvalidFieldException;

/**
 * A grid zone (bidding zone or balancing area) in the Electricity Maps style: upper-case letters
 * and digits in hyphen-separated parts, e.g. {@code DE}, {@code CN-SH}, {@code US-CAL-CISO}.
 * Prices, carbon intensity and grid events are per zone; "computing follows electricity" moves work
 * between zones.
 */
public record GridZone(String code) implements Comparable<GridZone> {
    public static final int MAX_LENGTH = 32;
    public static final String PATTERN = "[A-Z0-9]+(-[A-Z0-9]+)*";

    public GridZone {
        Check.required("zone", code);
        if (!isValid(code)) {
            throw new InvalidFieldException(
                    "zone", "pattern", code, "must match " + PATTERN + " (at most 32 characters)");
        }
    }

    public static GridZone of(String code) {
        return new GridZone(code);
    }

    private static boolean isValid(String code) {
        int n = code.length();
        if (n == 0 || n > MAX_LENGTH || code.charAt(0) == '-' || code.charAt(n - 1) == '-') {
            return false;
        }
        char previous = ' ';
        for (int i = 0; i < n; i++) {
            char c = code.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
            if (!ok || (c == '-' && previous == '-')) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    @Override
    public int compareTo(GridZone other) {
        return code.compareTo(other.code);
    }

    @Override
    public String toString() {
        return code;
    }
}
