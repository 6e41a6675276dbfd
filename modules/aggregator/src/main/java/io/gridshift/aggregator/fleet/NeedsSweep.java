package io.gridshift.aggregator.fleet;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import com.hazelcast.query.Predicate;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * The sites a sweep must look at: online but silent since the cutoff, counting an envelope that has
 * expired, or not yet counted in the member's current totals.
 */
final class NeedsSweep implements Predicate<String, SiteRecord>, IdentifiedDataSerializable {
    private long nowMillis;
    private long cutoffMillis;
    private long generation;

    NeedsSweep() {}

    NeedsSweep(long nowMillis, long cutoffMillis, long generation) {
        this.nowMillis = nowMillis;
        this.cutoffMillis = cutoffMillis;
        this.generation = generation;
    }

    @Override
    public boolean apply(Map.Entry<String, SiteRecord> entry) {
        SiteRecord site = entry.getValue();
        if (site == null) {
            return false;
        }
        if (site.generation() != generation) {
            return true;
        }
        if (site.presence() == Presence.ONLINE && site.lastSeenMillis() < cutoffMillis) {
            return true;
        }
        Contribution counted = site.counted();
        boolean countsFlex = counted.flexTotalKw() > 0 || counted.hostingKw() > 0;
        return countsFlex
                && site.envelope() != null
                && !site.envelope().isValidAt(Instant.ofEpochMilli(nowMillis));
    }

    @Override
    public int getFactoryId() {
        return FleetSerialization.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return FleetSerialization.NEEDS_SWEEP;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeLong(nowMillis);
        out.writeLong(cutoffMillis);
        out.writeLong(generation);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        nowMillis = in.readLong();
        cutoffMillis = in.readLong();
        generation = in.readLong();
    }
}
