package io.gridshift.aggregator.fleet;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridshift.domain.site.SiteId;
import io.gridshift.domain.site.SiteStatus;
import java.io.IOException;
import java.time.Instant;

/**
 * Takes a site's status: online or offline (an offline site leaves the totals at once). An offline
 * will is not proof of life, so it does not refresh the site's last-seen time.
 */
final class ApplyStatus extends SiteProcessor<Boolean> {
    private SiteStatus status;
    private Origin origin;

    ApplyStatus() {}

    ApplyStatus(
            SiteStatus status,
            Origin origin,
            long nowMillis,
            int windowCapacity,
            MemberTotals totals) {
        super(nowMillis, windowCapacity, totals);
        this.status = status;
        this.origin = origin;
    }

    @Override
    protected Boolean change(SiteRecord site) {
        if (status.availability() == SiteStatus.Availability.ONLINE) {
            site.heard(origin, nowMillis);
        }
        site.setStatus(status);
        return Boolean.TRUE;
    }

    @Override
    protected SiteProcessor<Boolean> copy() {
        return new ApplyStatus(status, origin, 0, 0, null);
    }

    @Override
    public int getClassId() {
        return FleetSerialization.APPLY_STATUS;
    }

    @Override
    protected void writeFields(ObjectDataOutput out) throws IOException {
        out.writeString(status.site().value());
        out.writeByte(status.availability().ordinal());
        out.writeLong(status.ts().toEpochMilli());
        out.writeString(status.agentVersion());
        Wire.writeOrigin(out, origin);
    }

    @Override
    protected void readFields(ObjectDataInput in) throws IOException {
        status =
                new SiteStatus(
                        SiteId.of(in.readString()),
                        SiteStatus.Availability.values()[in.readByte()],
                        Instant.ofEpochMilli(in.readLong()),
                        in.readString());
        origin = Wire.readOrigin(in);
    }
}
