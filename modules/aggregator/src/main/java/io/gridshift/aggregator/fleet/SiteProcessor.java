package io.gridshift.aggregator.fleet;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.gridshift.domain.site.SiteId;
import java.io.IOException;
import java.util.Map;

/**
 * A change to one site's record, run on the member that owns it, which then moves that member's
 * totals by the difference in the site's contribution. On backup replicas the same change runs
 * without touching any totals, so that a promoted backup holds the same record.
 *
 * @param <R> what the change returns to the caller
 */
abstract class SiteProcessor<R>
        implements EntryProcessor<String, SiteRecord, R>,
                IdentifiedDataSerializable,
                HazelcastInstanceAware {
    protected long nowMillis;
    protected int windowCapacity;
    private boolean backup;
    private transient MemberTotals totals;

    SiteProcessor() {}

    SiteProcessor(long nowMillis, int windowCapacity, MemberTotals totals) {
        this.nowMillis = nowMillis;
        this.windowCapacity = windowCapacity;
        this.totals = totals;
    }

    /** Whether the change may create a site that is not in the map yet. */
    protected boolean createsSite() {
        return true;
    }

    /** Applies the change to {@code site}; the result goes back to the caller. */
    protected abstract R change(SiteRecord site);

    /** A copy of this processor (its fields through its own serialization). */
    protected abstract SiteProcessor<R> copy();

    @Override
    public final R process(Map.Entry<String, SiteRecord> entry) {
        SiteRecord site = entry.getValue();
        if (site == null) {
            if (!createsSite()) {
                return null;
            }
            site = new SiteRecord(SiteId.of(entry.getKey()), windowCapacity);
        }
        R result = change(site);
        if (!backup) {
            FleetTotals t = totals.current();
            boolean countedHere = site.generation() == t.generation();
            Contribution before = countedHere ? site.counted() : Contribution.NONE;
            Contribution after = site.contribution(nowMillis);
            if (!countedHere) {
                t.addKnown(1);
            }
            t.move(before, after);
            site.setCounted(after, t.generation());
        }
        entry.setValue(site);
        return result;
    }

    @Override
    public final EntryProcessor<String, SiteRecord, R> getBackupProcessor() {
        SiteProcessor<R> b = copy();
        b.nowMillis = nowMillis;
        b.windowCapacity = windowCapacity;
        b.backup = true;
        return b;
    }

    @Override
    public final void setHazelcastInstance(HazelcastInstance hz) {
        this.totals = MemberTotals.of(hz);
    }

    @Override
    public final int getFactoryId() {
        return FleetSerialization.FACTORY_ID;
    }

    @Override
    public final void writeData(ObjectDataOutput out) throws IOException {
        out.writeLong(nowMillis);
        out.writeInt(windowCapacity);
        out.writeBoolean(backup);
        writeFields(out);
    }

    @Override
    public final void readData(ObjectDataInput in) throws IOException {
        nowMillis = in.readLong();
        windowCapacity = in.readInt();
        backup = in.readBoolean();
        readFields(in);
    }

    protected abstract void writeFields(ObjectDataOutput out) throws IOException;

    protected abstract void readFields(ObjectDataInput in) throws IOException;
}
