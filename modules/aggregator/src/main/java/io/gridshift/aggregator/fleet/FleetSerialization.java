package io.gridshift.aggregator.fleet;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/** Hazelcast's factory for the fleet's records, processors and predicates. */
public final class FleetSerialization implements DataSerializableFactory {
    public static final int FACTORY_ID = 7301;

    static final int SITE_RECORD = 1;
    static final int APPLY_TELEMETRY = 2;
    static final int APPLY_ENVELOPE = 3;
    static final int APPLY_STATUS = 4;
    static final int SWEEP = 5;
    static final int NEEDS_SWEEP = 6;
    static final int ROUTE_OF = 7;
    static final int SITE_FILTER = 8;
    static final int WITHOUT_WINDOW = 9;

    @Override
    public IdentifiedDataSerializable create(int typeId) {
        return switch (typeId) {
            case SITE_RECORD -> new SiteRecord();
            case APPLY_TELEMETRY -> new ApplyTelemetry();
            case APPLY_ENVELOPE -> new ApplyEnvelope();
            case APPLY_STATUS -> new ApplyStatus();
            case SWEEP -> new Sweep();
            case NEEDS_SWEEP -> new NeedsSweep();
            case ROUTE_OF -> new RouteOf();
            case SITE_FILTER -> new SiteFilter();
            case WITHOUT_WINDOW -> new WithoutWindow();
            default -> throw new IllegalArgumentException("unknown fleet type id " + typeId);
        };
    }
}
