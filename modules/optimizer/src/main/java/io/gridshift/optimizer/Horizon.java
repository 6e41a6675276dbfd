package io.gridshift.optimizer;

import io.gridshift.domain.Check;
import io.gridshift.domain.error.InvalidFieldException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The event's intervals, back to back from {@code start}, and the moment orders go out. A resource
 * whose ramp ends after an interval's start offers only the part of that interval after its ramp.
 *
 * @param now when the orders are sent (ramps count from here)
 * @param start the first interval's start
 * @param intervals each interval's length, 1 to 288, each between 1 s and 24 h
 */
public record Horizon(Instant now, Instant start, List<Duration> intervals) {
    public static final int MAX_INTERVALS = 288;

    public Horizon {
        Check.required("now", now);
        Check.required("start", start);
        intervals = List.copyOf(Check.size("intervals", intervals, 1, MAX_INTERVALS));
        for (int i = 0; i < intervals.size(); i++) {
            Duration d = Check.required("intervals[" + i + "]", intervals.get(i));
            if (d.compareTo(Duration.ofSeconds(1)) < 0 || d.compareTo(Duration.ofHours(24)) > 0) {
                throw new InvalidFieldException(
                        "intervals[" + i + "]", "range", d, "must be between PT1S and PT24H");
            }
        }
    }

    /** {@code n} equal intervals of {@code length} from {@code start}. */
    public static Horizon uniform(Instant now, Instant start, int n, Duration length) {
        Check.range("intervals", n, 1, MAX_INTERVALS);
        return new Horizon(now, start, java.util.Collections.nCopies(n, length));
    }

    public int size() {
        return intervals.size();
    }

    public Instant intervalStart(int t) {
        Instant s = start;
        for (int i = 0; i < t; i++) {
            s = s.plus(intervals.get(i));
        }
        return s;
    }

    public Instant end() {
        return intervalStart(intervals.size());
    }

    /** Each interval's length in hours. */
    public double[] hours() {
        double[] h = new double[intervals.size()];
        for (int i = 0; i < h.length; i++) {
            h[i] = intervals.get(i).toMillis() / 3_600_000.0;
        }
        return h;
    }

    /**
     * The share of each interval a resource with this ramp can hold full power: 1 when it is ready
     * by the interval's start, 0 when it is not ready before its end, the tail in between.
     */
    public double[] readiness(Duration ramp) {
        Instant ready = now.plus(ramp);
        double[] f = new double[intervals.size()];
        Instant a = start;
        for (int i = 0; i < f.length; i++) {
            Instant b = a.plus(intervals.get(i));
            Instant from = ready.isAfter(a) ? ready : a;
            double len = Duration.between(a, b).toMillis();
            f[i] = Math.max(0, Math.min(1, Duration.between(from, b).toMillis() / len));
            a = b;
        }
        return f;
    }
}
