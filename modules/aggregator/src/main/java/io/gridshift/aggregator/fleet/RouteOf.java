package io.gridshift.aggregator.fleet;

import com.hazelcast.core.ReadOnly;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.util.Map;

/**
 * Reads a site's route on its owner, so that sending an order moves a few bytes instead of the
 * site's whole record (its window of readings, its envelope). Returns {@code TRANSPORT node}, or
 * {@code null} for a site never heard.
 */
final class RouteOf
        implements EntryProcessor<String, SiteRecord, String>,
                ReadOnly,
                IdentifiedDataSerializable {
    @Override
    public String process(Map.Entry<String, SiteRecord> entry) {
        SiteRecord site = entry.getValue();
        return site == null ? null : site.transport().name() + " " + site.node();
    }

    @Override
    public EntryProcessor<String, SiteRecord, String> getBackupProcessor() {
        return null;
    }

    @Override
    public int getFactoryId() {
        return FleetSerialization.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return FleetSerialization.ROUTE_OF;
    }

    @Override
    public void writeData(ObjectDataOutput out) {}

    @Override
    public void readData(ObjectDataInput in) {}
}
