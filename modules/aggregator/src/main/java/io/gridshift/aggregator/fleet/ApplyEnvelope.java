package io.gridshift.aggregator.fleet;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import io.gridshift.domain.flex.FlexEnvelope;
import java.io.IOException;

/** Replaces a site's envelope with a newer one; returns false when the site had a newer one. */
final class ApplyEnvelope extends SiteProcessor<Boolean> {
    private FlexEnvelope envelope;
    private Origin origin;

    ApplyEnvelope() {}

    ApplyEnvelope(
            FlexEnvelope envelope,
            Origin origin,
            long nowMillis,
            int windowCapacity,
            MemberTotals totals) {
        super(nowMillis, windowCapacity, totals);
        this.envelope = envelope;
        this.origin = origin;
    }

    @Override
    protected Boolean change(SiteRecord site) {
        site.heard(origin, nowMillis);
        return site.setEnvelope(envelope);
    }

    @Override
    protected SiteProcessor<Boolean> copy() {
        return new ApplyEnvelope(envelope, origin, 0, 0, null);
    }

    @Override
    public int getClassId() {
        return FleetSerialization.APPLY_ENVELOPE;
    }

    @Override
    protected void writeFields(ObjectDataOutput out) throws IOException {
        Wire.writeEnvelope(out, envelope);
        Wire.writeOrigin(out, origin);
    }

    @Override
    protected void readFields(ObjectDataInput in) throws IOException {
        envelope = Wire.readEnvelope(in);
        origin = Wire.readOrigin(in);
    }
}
