package io.gridshift.openadr.event;

import io.gridshift.domain.error.InvalidFieldException;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.datatype.DatatypeConstants;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

/**
 * OpenADR's xCal date-times and durations as {@code java.time} values.
 *
 * <p>Date-times: OpenADR sends UTC; one without a zone is read as UTC; written ones always end in
 * {@code Z}. Durations follow the xCal pattern ({@code PnDTnHnMnS}, or {@code PnW}); years and
 * months have no fixed length and are refused, as are negative durations (no OpenADR event field
 * needs one).
 */
public final class XcalTime {
    private static final Pattern DURATION =
            Pattern.compile(
                    "\\+?P(?:(\\d+)W|(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)S)?)?)");
    private static final DatatypeFactory DATATYPES = DatatypeFactory.newDefaultInstance();

    private XcalTime() {}

    /** The instant of an xCal date-time; {@code field} names it in errors. */
    public static Instant instant(String field, XMLGregorianCalendar value) {
        if (value == null) {
            throw new InvalidFieldException(field, "required", null, "is required");
        }
        XMLGregorianCalendar utc = value;
        if (value.getTimezone() == DatatypeConstants.FIELD_UNDEFINED) {
            utc = (XMLGregorianCalendar) value.clone();
            utc.setTimezone(0);
        }
        return utc.toGregorianCalendar().toInstant();
    }

    /** The xCal date-time of an instant, in UTC, e.g. {@code 2025-07-15T17:00:00Z}. */
    public static XMLGregorianCalendar dateTime(Instant value) {
        return DATATYPES.newXMLGregorianCalendar(value.toString());
    }

    /**
     * The duration of an xCal duration such as {@code PT1H}, {@code P1DT12H} or {@code P1W}; null
     * stays null.
     */
    public static Duration duration(String field, String value) {
        if (value == null) {
            return null;
        }
        Matcher m = DURATION.matcher(value.strip());
        if (!m.matches() || value.strip().endsWith("T")) {
            throw new InvalidFieldException(
                    field,
                    "pattern",
                    value,
                    "must be an xCal duration in weeks, days, hours, minutes and seconds,"
                            + " e.g. PT1H (years and months have no fixed length)");
        }
        try {
            if (m.group(1) != null) {
                return Duration.ofDays(Math.multiplyExact(7, Long.parseLong(m.group(1))));
            }
            return Duration.ofDays(number(m.group(2)))
                    .plusHours(number(m.group(3)))
                    .plusMinutes(number(m.group(4)))
                    .plusSeconds(number(m.group(5)));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidFieldException(field, "range", value, "is too long");
        }
    }

    /**
     * The xCal text of a duration in whole seconds, in hours, minutes and seconds: {@code PT24H},
     * {@code PT30M}, {@code PT1H30M}; zero is {@code PT0S}.
     */
    public static String text(Duration value) {
        if (value.isNegative()) {
            throw new InvalidFieldException(
                    "duration", "range", value, "must not be negative in OpenADR");
        }
        long seconds = value.getSeconds();
        if (seconds == 0) {
            return "PT0S";
        }
        StringBuilder text = new StringBuilder("PT");
        append(text, seconds / 3600, 'H');
        append(text, seconds % 3600 / 60, 'M');
        append(text, seconds % 60, 'S');
        return text.toString();
    }

    private static void append(StringBuilder text, long amount, char unit) {
        if (amount > 0) {
            text.append(amount).append(unit);
        }
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
