package io.gridshift.storage.baseline;

import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * A site's mean facility load per settlement interval, keyed by the interval's start (whole
 * seconds). Missing intervals read as NaN.
 *
 * <p>An open-addressing table of primitive longs and doubles rather than a {@code HashMap<Instant,
 * Double>}: settling 1,000 sites reads about 350,000 intervals and looks up about a million, and
 * boxing each of them was most of the settlement's time in Java (profiled with JFR).
 */
public final class LoadSeries {
    /** An interval start never used: the key of an empty slot. */
    private static final long FREE = Long.MIN_VALUE;

    private long[] keys;
    private double[] values;
    private int size;

    public LoadSeries() {
        this(16);
    }

    /** Room for {@code expected} intervals before the table grows. */
    public LoadSeries(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        Arrays.fill(keys, FREE);
        values = new double[capacity];
    }

    public LoadSeries(Map<Instant, Double> kw) {
        this(kw.size());
        kw.forEach(this::put);
    }

    public LoadSeries put(Instant intervalStart, double value) {
        return put(intervalStart.getEpochSecond(), value);
    }

    /** {@link #put(Instant, double)} by the interval's start in seconds since the epoch. */
    public LoadSeries put(long startSecond, double value) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int i = slot(keys, startSecond);
        if (keys[i] == FREE) {
            keys[i] = startSecond;
            size++;
        }
        values[i] = value;
        return this;
    }

    /** The mean kW of the interval starting at {@code start}; NaN when it has no data. */
    public double kw(Instant start) {
        int i = slot(keys, start.getEpochSecond());
        return keys[i] == FREE ? Double.NaN : values[i];
    }

    public boolean has(Instant start) {
        return keys[slot(keys, start.getEpochSecond())] != FREE;
    }

    /** Forgets an interval (a gap in the meter data). */
    public LoadSeries remove(Instant intervalStart) {
        int i = slot(keys, intervalStart.getEpochSecond());
        if (keys[i] == FREE) {
            return this;
        }
        keys[i] = FREE;
        size--;
        // re-insert the rest of the run so that no key is cut off from its slot
        int mask = keys.length - 1;
        for (int j = (i + 1) & mask; keys[j] != FREE; j = (j + 1) & mask) {
            long k = keys[j];
            double v = values[j];
            keys[j] = FREE;
            int to = slot(keys, k);
            keys[to] = k;
            values[to] = v;
        }
        return this;
    }

    public int size() {
        return size;
    }

    private void grow() {
        long[] oldKeys = keys;
        double[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        Arrays.fill(keys, FREE);
        values = new double[keys.length];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != FREE) {
                int to = slot(keys, oldKeys[i]);
                keys[to] = oldKeys[i];
                values[to] = oldValues[i];
            }
        }
    }

    /** The slot holding {@code key}, or the free slot where it would go (linear probing). */
    private static int slot(long[] keys, long key) {
        int mask = keys.length - 1;
        // interval starts are multiples of 60 s: mix the bits before masking
        long h = key * 0x9E3779B97F4A7C15L;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (keys[i] != FREE && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }
}
