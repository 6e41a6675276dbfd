package io.gridshift.aggregator.fleet;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridshift.domain.meter.Telemetry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Files a batch of readings: one processor carries the readings of many sites (those one member
 * owns) and each site's entry takes its own. Returns how many of the site's readings were
 * duplicates.
 */
final class ApplyTelemetry extends SiteProcessor<Integer> {
    private Map<String, Batch> bySite;

    /** The readings of one site in a batch, where and when (node clock) the newest came in. */
    record Batch(Origin origin, long heardMillis, List<Telemetry> readings) {}

    ApplyTelemetry() {}

    ApplyTelemetry(
            Map<String, Batch> bySite, long nowMillis, int windowCapacity, MemberTotals totals) {
        super(nowMillis, windowCapacity, totals);
        this.bySite = bySite;
    }

    @Override
    protected Integer change(SiteRecord site) {
        Batch batch = bySite.get(site.key());
        if (batch == null) {
            return 0;
        }
        site.heard(batch.origin(), batch.heardMillis());
        int duplicates = 0;
        for (Telemetry t : batch.readings()) {
            if (site.addTelemetry(t) == SiteRecord.Added.DUPLICATE) {
                duplicates++;
            }
        }
        return duplicates;
    }

    @Override
    protected SiteProcessor<Integer> copy() {
        ApplyTelemetry c = new ApplyTelemetry();
        c.bySite = bySite;
        return c;
    }

    @Override
    public int getClassId() {
        return FleetSerialization.APPLY_TELEMETRY;
    }

    @Override
    protected void writeFields(ObjectDataOutput out) throws IOException {
        out.writeInt(bySite.size());
        for (Map.Entry<String, Batch> e : bySite.entrySet()) {
            out.writeString(e.getKey());
            Wire.writeOrigin(out, e.getValue().origin());
            out.writeLong(e.getValue().heardMillis());
            out.writeInt(e.getValue().readings().size());
            for (Telemetry t : e.getValue().readings()) {
                Wire.writeTelemetry(out, t);
            }
        }
    }

    @Override
    protected void readFields(ObjectDataInput in) throws IOException {
        int sites = in.readInt();
        bySite = new HashMap<>(sites * 2);
        for (int i = 0; i < sites; i++) {
            String key = in.readString();
            Origin origin = Wire.readOrigin(in);
            long heard = in.readLong();
            int n = in.readInt();
            List<Telemetry> readings = new ArrayList<>(n);
            for (int j = 0; j < n; j++) {
                readings.add(Wire.readTelemetry(in));
            }
            bySite.put(key, new Batch(origin, heard, readings));
        }
    }
}
