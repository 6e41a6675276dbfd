package io.gridshift.aggregator.fleet;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import com.hazelcast.query.Predicate;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;

/** Which sites a listing wants, evaluated on the members that hold them. */
final class SiteFilter implements Predicate<String, SiteRecord>, IdentifiedDataSerializable {
    private Presence presence;
    private String zone;

    SiteFilter() {}

    /**
     * @param presence only sites in this state; {@code null} for any
     * @param zone only sites in this grid zone; {@code null} for any
     */
    SiteFilter(Presence presence, String zone) {
        this.presence = presence;
        this.zone = zone;
    }

    @Override
    public boolean apply(Map.Entry<String, SiteRecord> entry) {
        SiteRecord site = entry.getValue();
        return site != null
                && (presence == null || site.presence() == presence)
                && (zone == null
                        || (site.envelope() != null
                                && Objects.equals(zone, site.envelope().zone().code())));
    }

    @Override
    public int getFactoryId() {
        return FleetSerialization.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return FleetSerialization.SITE_FILTER;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeByte(presence == null ? -1 : presence.ordinal());
        out.writeString(zone);
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        int p = in.readByte();
        presence = p < 0 ? null : Presence.values()[p];
        zone = in.readString();
    }
}
