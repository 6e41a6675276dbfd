package io.gridshift.storage.baseline;

import io.gridshift.domain.Check;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Meter-before/meter-after, for fast events of minutes to an hour: {@code before} is the site's
 * mean load over {@code [start - before, start)}, {@code after} its mean over {@code [end +
 * recovery, end + recovery + after)}. The baseline of an event interval is the straight line from
 * {@code before} at the event's start to {@code after} at its end, read at the interval's midpoint.
 * When the after window has no data in every interval (not metered yet) the baseline is flat at
 * {@code before}; the before window must be complete.
 */
public final class MeterBeforeAfterBaseline implements Baseline {
    private final String name;
    private final Duration before;
    private final Duration after;

    public MeterBeforeAfterBaseline(String name, Duration before, Duration after) {
        this.name = Check.required("name", name);
        this.before = Check.duration("before", before, Duration.ofHours(6));
        this.after = Check.duration("after", after, Duration.ofHours(6));
        if (before.isZero()) {
            Check.range("before", 0, 1, 1);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Window> windows(BaselineRequest r) {
        Instant afterStart = r.end().plus(r.recovery());
        return List.of(
                new Window(r.start().minus(before), r.end()),
                new Window(afterStart, afterStart.plus(after)));
    }

    @Override
    public BaselineCurve compute(BaselineRequest r, LoadSeries load) {
        List<Instant> beforeWindow = r.intervals(r.start().minus(before), r.start());
        if (beforeWindow.isEmpty() || !beforeWindow.stream().allMatch(load::has)) {
            throw new BaselineUnavailableException(
                    name + ": no data in every interval of the " + before + " before " + r.start());
        }
        double b = mean(beforeWindow, load);
        Instant afterStart = r.end().plus(r.recovery());
        List<Instant> afterWindow = r.intervals(afterStart, afterStart.plus(after));
        boolean hasAfter = !afterWindow.isEmpty() && afterWindow.stream().allMatch(load::has);
        double a = hasAfter ? mean(afterWindow, load) : b;
        double total = Duration.between(r.start(), r.end()).toMillis();
        List<Double> kw = new ArrayList<>();
        for (Instant t : r.intervals()) {
            double mid = Duration.between(r.start(), t).toMillis() + r.interval().toMillis() / 2.0;
            kw.add(Math.max(0, b + (a - b) * mid / total));
        }
        return new BaselineCurve(kw, List.of(), 0);
    }

    private static double mean(List<Instant> intervals, LoadSeries load) {
        double sum = 0;
        for (Instant t : intervals) {
            sum += load.kw(t);
        }
        return sum / intervals.size();
    }
}
