package io.gridshift.aggregator.dispatch;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.gridshift.aggregator.fleet.Transport;
import io.gridshift.domain.dispatch.Ack;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.edge.codec.EdgeCodec;
import java.io.IOException;
import java.time.Instant;

/**
 * One order's entry in the dispatch map: the latest revision and its state machine. Changed only by
 * the processors in this package, on the member that owns the order.
 */
public final class DispatchRecord implements IdentifiedDataSerializable {
    private static final EdgeCodec CBOR = EdgeCodec.cbor();
    private static final long NONE = Long.MIN_VALUE;

    DispatchOrder order;
    DispatchState state = DispatchState.PENDING;
    Transport transport = Transport.MQTT;
    int attempts;
    long issuedAtMillis;
    long firstSentMillis = NONE;
    long nextAttemptMillis;
    long firstAckMillis = NONE;
    Ack lastAck;

    /** For deserialization. */
    public DispatchRecord() {}

    DispatchRecord(DispatchOrder order, long issuedAtMillis) {
        this.order = order;
        this.issuedAtMillis = issuedAtMillis;
        this.nextAttemptMillis = issuedAtMillis;
    }

    /**
     * Counts one more send over {@code via} at {@code nowMillis}; the next is due at {@code next}.
     */
    void markSent(Transport via, long nowMillis, long next) {
        attempts++;
        state = DispatchState.SENT;
        transport = via;
        if (!sent()) {
            firstSentMillis = nowMillis;
        }
        nextAttemptMillis = next;
    }

    DispatchView view() {
        return new DispatchView(
                order,
                state,
                transport,
                attempts,
                Instant.ofEpochMilli(issuedAtMillis),
                firstSentMillis == NONE ? null : Instant.ofEpochMilli(firstSentMillis),
                firstAckMillis == NONE ? null : Instant.ofEpochMilli(firstAckMillis),
                lastAck);
    }

    boolean sent() {
        return firstSentMillis != NONE;
    }

    boolean acked() {
        return firstAckMillis != NONE;
    }

    @Override
    public int getFactoryId() {
        return DispatchSerialization.FACTORY_ID;
    }

    @Override
    public int getClassId() {
        return DispatchSerialization.RECORD;
    }

    @Override
    public void writeData(ObjectDataOutput out) throws IOException {
        out.writeByteArray(CBOR.encode(order));
        out.writeByte(state.ordinal());
        out.writeByte(transport.ordinal());
        out.writeInt(attempts);
        out.writeLong(issuedAtMillis);
        out.writeLong(firstSentMillis);
        out.writeLong(nextAttemptMillis);
        out.writeLong(firstAckMillis);
        out.writeByteArray(lastAck == null ? null : CBOR.encode(lastAck));
    }

    @Override
    public void readData(ObjectDataInput in) throws IOException {
        order = CBOR.decodeDispatch(in.readByteArray());
        state = DispatchState.values()[in.readByte()];
        transport = Transport.values()[in.readByte()];
        attempts = in.readInt();
        issuedAtMillis = in.readLong();
        firstSentMillis = in.readLong();
        nextAttemptMillis = in.readLong();
        firstAckMillis = in.readLong();
        byte[] ack = in.readByteArray();
        lastAck = ack == null ? null : CBOR.decodeAck(ack);
    }
}
