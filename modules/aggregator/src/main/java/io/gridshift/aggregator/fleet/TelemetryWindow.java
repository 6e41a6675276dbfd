package io.gridshift.aggregator.fleet;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A site's most recent readings, ordered by time, in primitive arrays (about 40 bytes a reading) so
 * that ten thousand sites keep their last minutes in a few tens of megabytes. Late readings are
 * filed by {@code ts}; a reading older than every kept one is not kept.
 */
final class TelemetryWindow {
    private long[] seq;
    private long[] tsMillis;
    private float[] facilityKw;
    private float[] itKw;
    private float[] gridImportKw;
    private float[] onsiteGenKw;
    private int size;

    TelemetryWindow(int capacity) {
        allocate(capacity);
    }

    private void allocate(int capacity) {
        seq = new long[capacity];
        tsMillis = new long[capacity];
        facilityKw = new float[capacity];
        itKw = new float[capacity];
        gridImportKw = new float[capacity];
        onsiteGenKw = new float[capacity];
        size = 0;
    }

    int capacity() {
        return seq.length;
    }

    int size() {
        return size;
    }

    boolean containsSeq(long s) {
        for (int i = 0; i < size; i++) {
            if (seq[i] == s) {
                return true;
            }
        }
        return false;
    }

    /** Files a reading by time; returns false when it is older than a full window. */
    boolean add(long s, long ts, double facility, double it, double grid, double gen) {
        int at = size;
        while (at > 0 && tsMillis[at - 1] > ts) {
            at--;
        }
        if (size == capacity()) {
            if (at == 0) {
                return false;
            }
            shiftLeft(at);
            at--;
        } else {
            shiftRight(at);
            size++;
        }
        seq[at] = s;
        tsMillis[at] = ts;
        facilityKw[at] = (float) facility;
        itKw[at] = (float) it;
        gridImportKw[at] = (float) grid;
        onsiteGenKw[at] = (float) gen;
        return true;
    }

    /** Drops the oldest reading and moves readings before {@code at} one place towards it. */
    private void shiftLeft(int at) {
        int n = at - 1;
        System.arraycopy(seq, 1, seq, 0, n);
        System.arraycopy(tsMillis, 1, tsMillis, 0, n);
        System.arraycopy(facilityKw, 1, facilityKw, 0, n);
        System.arraycopy(itKw, 1, itKw, 0, n);
        System.arraycopy(gridImportKw, 1, gridImportKw, 0, n);
        System.arraycopy(onsiteGenKw, 1, onsiteGenKw, 0, n);
    }

    private void shiftRight(int at) {
        int n = size - at;
        System.arraycopy(seq, at, seq, at + 1, n);
        System.arraycopy(tsMillis, at, tsMillis, at + 1, n);
        System.arraycopy(facilityKw, at, facilityKw, at + 1, n);
        System.arraycopy(itKw, at, itKw, at + 1, n);
        System.arraycopy(gridImportKw, at, gridImportKw, at + 1, n);
        System.arraycopy(onsiteGenKw, at, onsiteGenKw, at + 1, n);
    }

    /** The readings taken at or after {@code since}, oldest first. */
    List<TelemetrySample> since(Instant since) {
        long from = since.toEpochMilli();
        List<TelemetrySample> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (tsMillis[i] >= from) {
                out.add(
                        new TelemetrySample(
                                seq[i],
                                Instant.ofEpochMilli(tsMillis[i]),
                                facilityKw[i],
                                itKw[i],
                                gridImportKw[i],
                                onsiteGenKw[i]));
            }
        }
        return out;
    }

    void write(ObjectDataOutput out) throws IOException {
        out.writeInt(capacity());
        out.writeInt(size);
        for (int i = 0; i < size; i++) {
            out.writeLong(seq[i]);
            out.writeLong(tsMillis[i]);
            out.writeFloat(facilityKw[i]);
            out.writeFloat(itKw[i]);
            out.writeFloat(gridImportKw[i]);
            out.writeFloat(onsiteGenKw[i]);
        }
    }

    static TelemetryWindow read(ObjectDataInput in) throws IOException {
        TelemetryWindow w = new TelemetryWindow(in.readInt());
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            w.seq[i] = in.readLong();
            w.tsMillis[i] = in.readLong();
            w.facilityKw[i] = in.readFloat();
            w.itKw[i] = in.readFloat();
            w.gridImportKw[i] = in.readFloat();
            w.onsiteGenKw[i] = in.readFloat();
        }
        w.size = n;
        return w;
    }
}
