package io.gridshift.storage.baseline;

import io.gridshift.domain.Check;
import io.gridshift.domain.error.InvalidFieldException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a baseline is asked for: the event window, how it is cut into intervals, the local calendar
 * and the days to leave out.
 *
 * @param start the event's start, on an interval boundary
 * @param end the event's end, on an interval boundary
 * @param recovery the event's recovery period (meter-after starts after it)
 * @param interval the settlement interval: 1, 5, 15, 30 or 60 minutes
 * @param zone the program's time zone: days, weekdays and times of day are local to it
 * @param eventDays local days on which the program had an event; never used as baseline days
 */
public record BaselineRequest(
        Instant start,
        Instant end,
        Duration recovery,
        Duration interval,
        ZoneId zone,
        Set<LocalDate> eventDays) {
    public BaselineRequest {
        Check.required("start", start);
        Check.required("end", end);
        Check.after("end", end, "start", start);
        Check.duration("recovery", recovery, Duration.ofDays(1));
        Check.required("interval", interval);
        long seconds = interval.toSeconds();
        if (interval.getNano() != 0 || seconds < 60 || seconds % 60 != 0 || 3600 % seconds != 0) {
            throw new InvalidFieldException(
                    "interval",
                    "range",
                    interval,
                    "must be a whole number of minutes that divides an hour (1, 5, 15, 30, 60)");
        }
        if (start.getEpochSecond() % interval.toSeconds() != 0
                || end.getEpochSecond() % interval.toSeconds() != 0) {
            throw new InvalidFieldException(
                    "start",
                    "pattern",
                    start + ".." + end,
                    "start and end must be on interval boundaries");
        }
        Check.required("zone", zone);
        eventDays = Set.copyOf(Check.required("eventDays", eventDays));
    }

    /** The starts of the event's intervals. */
    public List<Instant> intervals() {
        return intervals(start, end);
    }

    /** The starts of the intervals in {@code [from, to)}. */
    public List<Instant> intervals(Instant from, Instant to) {
        List<Instant> out = new ArrayList<>();
        for (Instant t = from; t.isBefore(to); t = t.plus(interval)) {
            out.add(t);
        }
        return out;
    }

    /** The event's local day. */
    public LocalDate eventDay() {
        return start.atZone(zone).toLocalDate();
    }

    public double intervalHours() {
        return interval.toSeconds() / 3600.0;
    }
}
