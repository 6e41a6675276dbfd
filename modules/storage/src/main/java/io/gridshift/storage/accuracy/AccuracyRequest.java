package io.gridshift.storage.accuracy;

import io.gridshift.domain.Check;
import io.gridshift.domain.error.InvalidFieldException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * What the accuracy report is asked for: on which days, for which window of the day, which baseline
 * methods are replayed as if an event had been called.
 *
 * @param program the program (market context): its events' days are left out, as in settlement
 * @param zone the program's time zone: days and times of day are local to it
 * @param interval the settlement interval (1, 5, 15, 30 or 60 minutes)
 * @param from the first local day tested
 * @param to the last local day tested (inclusive)
 * @param windowStart the pretend event's start, local time, on an interval boundary
 * @param windowEnd its end, local time, after the start on the same day
 * @param recovery the pretend event's recovery (meter-after starts after it)
 * @param methods the baseline methods by name, e.g. {@code pjm-high-4-of-5}
 */
public record AccuracyRequest(
        String program,
        ZoneId zone,
        Duration interval,
        LocalDate from,
        LocalDate to,
        LocalTime windowStart,
        LocalTime windowEnd,
        Duration recovery,
        List<String> methods) {
    public AccuracyRequest {
        Check.required("program", program);
        Check.required("zone", zone);
        Check.required("interval", interval);
        Check.required("from", from);
        Check.required("to", to);
        if (to.isBefore(from) || to.isAfter(from.plusDays(366))) {
            throw new InvalidFieldException(
                    "to", "range", to, "must be from " + from + " to a year after it");
        }
        Check.required("windowStart", windowStart);
        Check.required("windowEnd", windowEnd);
        if (!windowEnd.isAfter(windowStart)) {
            throw new InvalidFieldException(
                    "windowEnd", "range", windowEnd, "must be after windowStart " + windowStart);
        }
        Check.duration("recovery", recovery, Duration.ofDays(1));
        methods = List.copyOf(Check.required("methods", methods));
        if (methods.isEmpty()) {
            throw new InvalidFieldException("methods", "range", methods, "must name a method");
        }
    }
}
