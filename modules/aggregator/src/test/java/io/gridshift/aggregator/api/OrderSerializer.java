package io.gridshift.aggregator.api;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.StreamSerializer;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.edge.codec.EdgeCodec;
import java.io.IOException;

/**
 * Stop-gap for the tests: {@code DispatchProcessors.MarkSent} returns a bare {@link DispatchOrder}
 * from a Hazelcast entry processor, which Hazelcast 5.7 cannot serialize (zero-configuration
 * Compact refuses its {@code Instant}s). Until the cluster configuration registers a serializer (or
 * the processor returns a serializable wrapper), the fixture registers this one, in the protocol's
 * JSON.
 */
final class OrderSerializer implements StreamSerializer<DispatchOrder> {
    static final int TYPE_ID = 4711;

    @Override
    public void write(ObjectDataOutput out, DispatchOrder order) throws IOException {
        out.writeByteArray(EdgeCodec.json().encode(order));
    }

    @Override
    public DispatchOrder read(ObjectDataInput in) throws IOException {
        return EdgeCodec.json().decodeDispatch(in.readByteArray());
    }

    @Override
    public int getTypeId() {
        return TYPE_ID;
    }
}
