package io.gridshift.aggregator.fleet;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import com.hazelcast.projection.Projection;
import java.util.Map;

/**
 * A site's record without its window of readings, for listings: the window is most of a record's
 * size and a listing shows only the latest reading.
 */
final class WithoutWindow
        implements Projection<Map.Entry<String, SiteRecord>, SiteRecord>,
                IdentifiedDataSerializable {
    @Override
    public SiteRecord transform(Map.Entry<String, SiteRecord> entry) {
        return entry.getValue().withoutWindow();
    }

    @Override
    public int getFactoryId() {
        return FleetSerialization.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return FleetSerialization.WITHOUT_WINDOW;
    }

    @Override
    public void writeData(ObjectDataOutput out) {}

    @Override
    public void readData(ObjectDataInput in) {}
}
