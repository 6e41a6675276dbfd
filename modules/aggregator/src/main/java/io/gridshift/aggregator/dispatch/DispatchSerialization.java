package io.gridshift.aggregator.dispatch;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/** Hazelcast's factory for the dispatch map's record and processors. */
public final class DispatchSerialization implements DataSerializableFactory {
    public static final int FACTORY_ID = 7302;

    static final int RECORD = 1;
    static final int ISSUE = 2;
    static final int MARK_SENT = 3;
    static final int APPLY_ACK = 4;
    static final int DUE = 5;

    @Override
    public IdentifiedDataSerializable create(int typeId) {
        return switch (typeId) {
            case RECORD -> new DispatchRecord();
            case ISSUE -> new DispatchProcessors.Issue();
            case MARK_SENT -> new DispatchProcessors.MarkSent();
            case APPLY_ACK -> new DispatchProcessors.ApplyAck();
            case DUE -> new DispatchProcessors.Due();
            default -> throw new IllegalArgumentException("unknown dispatch type id " + typeId);
        };
    }
}
