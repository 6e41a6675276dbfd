package io.gridshift.edge.codec;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * ISO-8601 timestamps of the wire. Every telemetry message carries one, and {@code java.time}'s
 * parser costs more than the rest of the message, so the form every agent writes ({@code
 * yyyy-MM-ddTHH:mm:ss[.fraction]Z}) is read by hand; any other form (an offset, no seconds) goes
 * through {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}.
 */
final class Timestamps {
    private static final int[] DAYS_BEFORE_MONTH = {
        0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334
    };
    private static final int[] DAYS_IN_MONTH = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    private static final int[] POW10 = {
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000
    };
    private static final long LEAPS_BEFORE_1970 = leapsBefore(1970);
    private static final int SHORTEST = "2026-07-01T06:00:05Z".length();

    /** Longest text {@link #format} writes in its fast path. */
    static final int MAX_FORMATTED = "2026-07-01T06:00:05.123456789Z".length();

    private Timestamps() {}

    /**
     * Reads {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}; {@code null} when the text has another form or
     * names no real instant (the slow path then decides and explains).
     */
    static Instant parseFast(char[] b, int off, int len) {
        if (len < SHORTEST || len > MAX_FORMATTED || len == SHORTEST + 1) {
            return null;
        }
        int end = off + len;
        if (b[off + 4] != '-'
                || b[off + 7] != '-'
                || b[off + 10] != 'T'
                || b[off + 13] != ':'
                || b[off + 16] != ':'
                || b[end - 1] != 'Z') {
            return null;
        }
        int year = digits(b, off, 4);
        int month = digits(b, off + 5, 2);
        int day = digits(b, off + 8, 2);
        int hour = digits(b, off + 11, 2);
        int minute = digits(b, off + 14, 2);
        int second = digits(b, off + 17, 2);
        int nanos = 0;
        if (len > SHORTEST) {
            int fraction = len - SHORTEST - 1;
            if (b[off + 19] != '.' || (nanos = digits(b, off + 20, fraction)) < 0) {
                return null;
            }
            nanos *= POW10[9 - fraction];
        }
        if ((year | month | day | hour | minute | second) < 0
                || month < 1
                || month > 12
                || day < 1
                || day > daysInMonth(year, month)
                || hour > 23
                || minute > 59
                || second > 59) {
            return null;
        }
        long epochDay = epochDay(year, month, day);
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600 + minute * 60 + second, nanos);
    }

    /**
     * Reads any ISO-8601 date-time with {@code Z} or an offset.
     *
     * @throws DateTimeException when it is none
     */
    static Instant parse(String text) {
        char[] chars = text.toCharArray();
        Instant fast = parseFast(chars, 0, chars.length);
        return fast != null
                ? fast
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
    }

    /**
     * Writes {@code t} as {@code yyyy-MM-ddTHH:mm:ss[.fff|.ffffff|.fffffffff]Z} into {@code out}
     * (at least {@link #MAX_FORMATTED} long), as {@link Instant#toString()} would.
     *
     * @return the length written; {@code -1} for years outside 0 to 9999
     */
    static int format(Instant t, char[] out) {
        long seconds = t.getEpochSecond();
        long epochDay = Math.floorDiv(seconds, 86_400);
        int secondOfDay = Math.floorMod(seconds, 86_400);
        if (epochDay < -719_528 || epochDay > 2_932_896) {
            return -1;
        }
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        put(out, 0, date.getYear(), 4);
        out[4] = '-';
        put(out, 5, date.getMonthValue(), 2);
        out[7] = '-';
        put(out, 8, date.getDayOfMonth(), 2);
        out[10] = 'T';
        put(out, 11, secondOfDay / 3600, 2);
        out[13] = ':';
        put(out, 14, secondOfDay / 60 % 60, 2);
        out[16] = ':';
        put(out, 17, secondOfDay % 60, 2);
        int n = 19;
        int nanos = t.getNano();
        if (nanos != 0) {
            out[n++] = '.';
            if (nanos % 1_000_000 == 0) {
                put(out, n, nanos / 1_000_000, 3);
                n += 3;
            } else if (nanos % 1_000 == 0) {
                put(out, n, nanos / 1_000, 6);
                n += 6;
            } else {
                put(out, n, nanos, 9);
                n += 9;
            }
        }
        out[n++] = 'Z';
        return n;
    }

    /** Days from 1970-01-01 in the proleptic Gregorian calendar, as {@code java.time} counts. */
    static long epochDay(int year, int month, int day) {
        long days = 365L * (year - 1970) + leapsBefore(year) - LEAPS_BEFORE_1970;
        days += DAYS_BEFORE_MONTH[month] + day - 1;
        if (month > 2 && isLeap(year)) {
            days++;
        }
        return days;
    }

    /** Leap years before {@code year}, counted from an arbitrary fixed origin. */
    private static long leapsBefore(int year) {
        long y = year - 1L;
        return Math.floorDiv(y, 4) - Math.floorDiv(y, 100) + Math.floorDiv(y, 400);
    }

    private static boolean isLeap(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    private static int daysInMonth(int year, int month) {
        return month == 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month];
    }

    /** The decimal value of {@code n} ASCII digits; -1 when one is not a digit. */
    private static int digits(char[] b, int off, int n) {
        int v = 0;
        for (int i = off; i < off + n; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            v = v * 10 + d;
        }
        return v;
    }

    private static void put(char[] out, int off, int value, int width) {
        for (int i = off + width - 1; i >= off; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
