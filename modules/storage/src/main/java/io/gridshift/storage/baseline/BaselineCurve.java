package io.gridshift.storage.baseline;

import java.time.LocalDate;
import java.util.List;

/**
 * A baseline for the event's intervals.
 *
 * @param kw baseline kW per event interval, in order
 * @param days the days whose load made it (empty for meter-before/after)
 * @param adjustment what the day-of adjustment did: kW added (additive) or the factor applied
 *     (ratio); 0 or 1 when none
 */
public record BaselineCurve(List<Double> kw, List<LocalDate> days, double adjustment) {
    public BaselineCurve {
        kw = List.copyOf(kw);
        days = List.copyOf(days);
    }
}
