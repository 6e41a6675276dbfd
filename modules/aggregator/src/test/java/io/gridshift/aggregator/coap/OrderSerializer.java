package io.gridshift.aggregator.coap;

import com.hazelcast.config.Config;
import com.hazelcast.config.SerializerConfig;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.StreamSerializer;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.edge.codec.EdgeCodec;
import java.io.IOException;

/**
 * Test-only workaround: {@code DispatchProcessors.MarkSent} returns a bare {@link DispatchOrder}
 * from its entry processor, which Hazelcast must serialize and cannot (a record with {@code
 * Instant} fields, refused by zero-config Compact), so {@code DispatchService.issue} fails on a
 * stock member. Until the dispatch package returns something serializable, the tests' member
 * serializes orders as CBOR, as {@code DispatchRecord} stores them.
 */
final class OrderSerializer implements StreamSerializer<DispatchOrder> {
    private static final EdgeCodec CBOR = EdgeCodec.cbor();

    static Config register(Config config) {
        config.getSerializationConfig()
                .addSerializerConfig(
                        new SerializerConfig()
                                .setTypeClass(DispatchOrder.class)
                                .setImplementation(new OrderSerializer()));
        return config;
    }

    @Override
    public void write(ObjectDataOutput out, DispatchOrder order) throws IOException {
        out.writeByteArray(CBOR.encode(order));
    }

    @Override
    public DispatchOrder read(ObjectDataInput in) throws IOException {
        return CBOR.decodeDispatch(in.readByteArray());
    }

    @Override
    public int getTypeId() {
        return 7_301;
    }
}
