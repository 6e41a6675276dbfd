package io.gridshift.aggregator.fleet;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import java.io.IOException;

/**
 * The periodic check of one site: stale when silent since {@code cutoffMillis}, and its
 * contribution taken again so that an expired envelope leaves the totals. Also recounts a site the
 * member's current totals have not counted yet (after a migration). Returns whether it went stale.
 */
final class Sweep extends SiteProcessor<Boolean> {
    private long cutoffMillis;

    Sweep() {}

    Sweep(long nowMillis, long cutoffMillis, int windowCapacity, MemberTotals totals) {
        super(nowMillis, windowCapacity, totals);
        this.cutoffMillis = cutoffMillis;
    }

    @Override
    protected boolean createsSite() {
        return false;
    }

    @Override
    protected Boolean change(SiteRecord site) {
        return site.markStaleIfSilent(cutoffMillis);
    }

    @Override
    protected SiteProcessor<Boolean> copy() {
        Sweep s = new Sweep();
        s.cutoffMillis = cutoffMillis;
        return s;
    }

    @Override
    public int getClassId() {
        return FleetSerialization.SWEEP;
    }

    @Override
    protected void writeFields(ObjectDataOutput out) throws IOException {
        out.writeLong(cutoffMillis);
    }

    @Override
    protected void readFields(ObjectDataInput in) throws IOException {
        cutoffMillis = in.readLong();
    }
}
