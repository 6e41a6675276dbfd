package io.gridshift.storage.baseline;

import io.gridshift.domain.Check;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The "high X of Y" family of day-matching baselines (PJM high 4 of 5, CAISO 10 of 10, the plain
 * 10-weekday average), defined as follows.
 *
 * <ol>
 *   <li><b>Candidate days</b>: the local days before the event day, most recent first, going back
 *       at most {@code lookbackDays}, that are weekdays (Monday to Friday; holidays are not
 *       modelled) and not event days of the program. Only the {@code y + SPARE_DAYS} most recent
 *       candidates are read.
 *   <li><b>Eligible days</b>: candidates with data in every interval of the event window and of the
 *       adjustment window, at the same local clock times as on the event day. The {@code y} most
 *       recent eligible days are selected; fewer is {@link BaselineUnavailableException}.
 *   <li><b>High X</b>: the selected days are ranked by their mean load over the event window and
 *       the {@code x} highest kept (ties: the more recent).
 *   <li><b>Unadjusted baseline</b> of each event interval: the mean of the kept days' load in the
 *       interval at the same local time.
 *   <li><b>Day-of adjustment</b> ({@link Adjustment}): {@code actual} is the event day's mean load
 *       over the adjustment window, {@code base} the kept days' mean over the same times. Additive
 *       adds {@code actual - base} (capped at {@code cap * base} either way); ratio multiplies by
 *       {@code actual / base} held within {@code [1 - cap, 1 + cap]}. The event day must have data
 *       in every interval of the window.
 *   <li>Negative values become 0.
 * </ol>
 */
public final class HighXofYBaseline implements Baseline {
    /** Candidates read beyond {@code y}, so that a few days with gaps do not end the search. */
    public static final int SPARE_DAYS = 5;

    private final String name;
    private final int x;
    private final int y;
    private final int lookbackDays;
    private final Adjustment adjustment;

    public HighXofYBaseline(String name, int x, int y, int lookbackDays, Adjustment adjustment) {
        this.name = Check.required("name", name);
        this.y = (int) Check.range("y", y, 1, 60);
        this.x = (int) Check.range("x", x, 1, y);
        this.lookbackDays = (int) Check.range("lookbackDays", lookbackDays, y, 366);
        this.adjustment = Check.required("adjustment", adjustment);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Window> windows(BaselineRequest r) {
        List<Window> out = new ArrayList<>();
        out.add(dayWindow(r, r.eventDay()));
        for (LocalDate d : candidates(r)) {
            out.add(dayWindow(r, d));
        }
        return out;
    }

    /**
     * From the adjustment window's start to the event's end, at the local times of day {@code d}.
     */
    private Window dayWindow(BaselineRequest r, LocalDate d) {
        Instant from = r.start().minus(adjustment.offset()).minus(adjustment.length());
        return new Window(onDay(r, d, from), onDay(r, d, r.end()));
    }

    private List<LocalDate> candidates(BaselineRequest r) {
        List<LocalDate> out = new ArrayList<>();
        LocalDate eventDay = r.eventDay();
        for (int back = 1; back <= lookbackDays && out.size() < y + SPARE_DAYS; back++) {
            LocalDate d = eventDay.minusDays(back);
            DayOfWeek w = d.getDayOfWeek();
            if (w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY && !r.eventDays().contains(d)) {
                out.add(d);
            }
        }
        return out;
    }

    /** The instant on day {@code d} at the same local clock time as {@code t} on the event day. */
    static Instant onDay(BaselineRequest r, LocalDate d, Instant t) {
        ZonedDateTime eventMidnight = r.eventDay().atStartOfDay(r.zone());
        Duration sinceMidnight = Duration.between(eventMidnight.toInstant(), t);
        return d.atStartOfDay(r.zone()).toInstant().plus(sinceMidnight);
    }

    @Override
    public BaselineCurve compute(BaselineRequest r, LoadSeries load) {
        List<Instant> event = r.intervals();
        List<Instant> adjust =
                r.intervals(
                        r.start().minus(adjustment.offset()).minus(adjustment.length()),
                        r.start().minus(adjustment.offset()));
        List<Day> selected = new ArrayList<>();
        for (LocalDate d : candidates(r)) {
            Day day = Day.of(r, d);
            if (day.complete(event, load) && day.complete(adjust, load)) {
                selected.add(day);
                if (selected.size() == y) {
                    break;
                }
            }
        }
        if (selected.size() < y) {
            throw new BaselineUnavailableException(
                    name
                            + ": "
                            + selected.size()
                            + " eligible days of the "
                            + y
                            + " needed within "
                            + lookbackDays
                            + " days before "
                            + r.eventDay());
        }
        List<Day> kept = new ArrayList<>(selected);
        kept.sort(Comparator.comparingDouble((Day d) -> -d.mean(event, load)));
        kept = kept.subList(0, x);
        List<Double> kw = new ArrayList<>();
        for (Instant t : event) {
            double sum = 0;
            for (Day d : kept) {
                sum += load.kw(d.at(t));
            }
            kw.add(sum / x);
        }
        double applied = adjust(r, kept, adjust, load, kw);
        kw.replaceAll(v -> Math.max(0, v));
        List<LocalDate> days = new ArrayList<>();
        for (Day d : kept) {
            days.add(d.date());
        }
        days.sort(Comparator.reverseOrder());
        return new BaselineCurve(kw, days, applied);
    }

    private double adjust(
            BaselineRequest r,
            List<Day> kept,
            List<Instant> window,
            LoadSeries load,
            List<Double> kw) {
        if (adjustment.kind() == Adjustment.Kind.NONE) {
            return 0;
        }
        Day eventDay = Day.of(r, r.eventDay());
        if (!eventDay.complete(window, load)) {
            throw new BaselineUnavailableException(
                    name
                            + ": the event day has no data in every interval of the adjustment window");
        }
        double actual = eventDay.mean(window, load);
        double base = 0;
        for (Day d : kept) {
            base += d.mean(window, load);
        }
        base /= kept.size();
        if (adjustment.kind() == Adjustment.Kind.ADDITIVE) {
            double limit = adjustment.cap() * base;
            double add = Math.max(-limit, Math.min(limit, actual - base));
            kw.replaceAll(v -> v + add);
            return add;
        }
        double factor = base == 0 ? 1 : actual / base;
        double f = Math.max(1 - adjustment.cap(), Math.min(1 + adjustment.cap(), factor));
        kw.replaceAll(v -> v * f);
        return f;
    }

    /**
     * A day and how far its local clock times lie from the event day's: {@link #onDay} once per day
     * instead of once per interval (a settlement of 1,000 sites looks up about a million).
     *
     * @param date the local day
     * @param shift from the event day's midnight to this day's midnight
     */
    private record Day(LocalDate date, Duration shift) {
        static Day of(BaselineRequest r, LocalDate d) {
            Instant eventMidnight = r.eventDay().atStartOfDay(r.zone()).toInstant();
            return new Day(d, Duration.between(eventMidnight, onDay(r, d, eventMidnight)));
        }

        /** The instant on this day at the same local clock time as {@code t} on the event day. */
        Instant at(Instant t) {
            return t.plus(shift);
        }

        boolean complete(List<Instant> intervals, LoadSeries load) {
            for (Instant t : intervals) {
                if (!load.has(at(t))) {
                    return false;
                }
            }
            return true;
        }

        double mean(List<Instant> intervals, LoadSeries load) {
            double sum = 0;
            for (Instant t : intervals) {
                sum += load.kw(at(t));
            }
            return sum / intervals.size();
        }
    }
}
