package io.gridshift.storage.meter;

import io.gridshift.domain.meter.MeterReading;
import io.gridshift.domain.meter.Telemetry;
import io.gridshift.domain.site.SiteId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Folds telemetry into 1-minute {@link MeterReading}s per site: the mean of the facility and IT kW
 * of the readings whose timestamp falls in the minute (readings are assumed evenly spaced, as the
 * agents send them; duplicates are dropped upstream by {@code seq}). A minute stays open until the
 * clock passes its end plus a grace period, so that late and out-of-order readings still count; a
 * reading for a minute already closed is counted as late and dropped. Not thread-safe: the {@link
 * MeterWriter}'s thread owns it.
 */
final class MinuteAggregator {
    private final Duration grace;
    private final TreeMap<Long, Map<SiteId, Sum>> open = new TreeMap<>();
    private long closedBefore = Long.MIN_VALUE;
    private long late;
    private int openCount;

    MinuteAggregator(Duration grace) {
        this.grace = grace;
    }

    /** Adds a reading; returns false (and counts it) when its minute is already closed. */
    boolean add(Telemetry t) {
        long minute = Math.floorDiv(t.ts().getEpochSecond(), 60);
        if (minute < closedBefore) {
            late++;
            return false;
        }
        Sum sum =
                open.computeIfAbsent(minute, m -> new HashMap<>())
                        .computeIfAbsent(t.site(), s -> new Sum());
        if (sum.samples == 0) {
            openCount++;
        }
        sum.facilityKw += t.facilityKw();
        sum.itKw += t.itKw();
        sum.samples++;
        return true;
    }

    /** Closes every minute that ended at least the grace period before {@code now}. */
    void closeDue(Instant now, List<MeterReading> out) {
        long limit = Math.floorDiv(now.minus(grace).getEpochSecond(), 60);
        while (!open.isEmpty() && open.firstKey() + 1 <= limit) {
            close(open.pollFirstEntry(), out);
        }
        closedBefore = Math.max(closedBefore, limit);
    }

    /** Closes every open minute, complete or not (clean shutdown). */
    void closeAll(List<MeterReading> out) {
        while (!open.isEmpty()) {
            Map.Entry<Long, Map<SiteId, Sum>> e = open.pollFirstEntry();
            closedBefore = Math.max(closedBefore, e.getKey() + 1);
            close(e, out);
        }
    }

    private void close(Map.Entry<Long, Map<SiteId, Sum>> minute, List<MeterReading> out) {
        Instant start = Instant.ofEpochSecond(minute.getKey() * 60);
        for (Map.Entry<SiteId, Sum> e : minute.getValue().entrySet()) {
            Sum s = e.getValue();
            out.add(
                    new MeterReading(
                            e.getKey(),
                            start,
                            MeterRepository.MINUTE,
                            s.facilityKw / s.samples,
                            s.itKw / s.samples,
                            s.samples));
            openCount--;
        }
    }

    /** Every minute before this one (minutes since the epoch) is closed. */
    long closedBefore() {
        return closedBefore;
    }

    long late() {
        return late;
    }

    /** Distinct minutes being aggregated now. */
    int openMinutes() {
        return open.size();
    }

    /** Site-minutes being aggregated now. */
    int openCount() {
        return openCount;
    }

    private static final class Sum {
        double facilityKw;
        double itKw;
        int samples;
    }
}
