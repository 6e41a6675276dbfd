package io.gridshift.storage.baseline;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A site's mean facility load per settlement interval, keyed by the interval's start. Missing
 * intervals read as NaN.
 */
public final class LoadSeries {
    private final Map<Instant, Double> kw;

    public LoadSeries() {
        this(new HashMap<>());
    }

    public LoadSeries(Map<Instant, Double> kw) {
        this.kw = kw;
    }

    public LoadSeries put(Instant intervalStart, double value) {
        kw.put(intervalStart, value);
        return this;
    }

    /** The mean kW of the interval starting at {@code start}; NaN when it has no data. */
    public double kw(Instant start) {
        Double v = kw.get(start);
        return v == null ? Double.NaN : v;
    }

    public boolean has(Instant start) {
        return kw.containsKey(start);
    }

    /** Forgets an interval (a gap in the meter data). */
    public LoadSeries remove(Instant intervalStart) {
        kw.remove(intervalStart);
        return this;
    }

    public int size() {
        return kw.size();
    }
}
