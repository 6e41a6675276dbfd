package io.gridshift.aggregator.dispatch;

import com.hazelcast.map.EntryProcessor;
import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import com.hazelcast.query.Predicate;
import io.gridshift.aggregator.fleet.Transport;
import io.gridshift.domain.dispatch.Ack;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.edge.codec.EdgeCodec;
import java.io.IOException;
import java.util.Map;

/**
 * The changes to an order's entry. Each runs on the member that owns the order, one at a time, so
 * the state machine never sees two changes at once wherever the acks come in.
 */
final class DispatchProcessors {
    private static final EdgeCodec CBOR = EdgeCodec.cbor();

    private DispatchProcessors() {}

    /** Base of the processors: no backup copy needed beyond the entry itself. */
    abstract static class Base<R>
            implements EntryProcessor<String, DispatchRecord, R>, IdentifiedDataSerializable {
        @Override
        public int getFactoryId() {
            return DispatchSerialization.FACTORY_ID;
        }
    }

    /**
     * Stores a new order or a higher revision of one, counted as sent once (the caller sends it
     * next); returns the revision it replaced (0 when new), or -(the stored revision) when the
     * stored one is the same or higher.
     */
    static final class Issue extends Base<Integer> {
        private DispatchOrder order;
        private int transport;
        private long nowMillis;
        private long nextAttemptMillis;

        Issue() {}

        Issue(DispatchOrder order, Transport transport, long nowMillis, long nextAttemptMillis) {
            this.order = order;
            this.transport = transport.ordinal();
            this.nowMillis = nowMillis;
            this.nextAttemptMillis = nextAttemptMillis;
        }

        @Override
        public Integer process(Map.Entry<String, DispatchRecord> entry) {
            DispatchRecord old = entry.getValue();
            if (old != null && old.order.revision() >= order.revision()) {
                return -old.order.revision();
            }
            DispatchRecord r = new DispatchRecord(order, nowMillis);
            r.markSent(Transport.values()[transport], nowMillis, nextAttemptMillis);
            entry.setValue(r);
            return old == null ? 0 : old.order.revision();
        }

        @Override
        public int getClassId() {
            return DispatchSerialization.ISSUE;
        }

        @Override
        public void writeData(ObjectDataOutput out) throws IOException {
            out.writeByteArray(CBOR.encode(order));
            out.writeInt(transport);
            out.writeLong(nowMillis);
            out.writeLong(nextAttemptMillis);
        }

        @Override
        public void readData(ObjectDataInput in) throws IOException {
            order = CBOR.decodeDispatch(in.readByteArray());
            transport = in.readInt();
            nowMillis = in.readLong();
            nextAttemptMillis = in.readLong();
        }
    }

    /**
     * Counts one more send of the latest revision and sets when to try again; or, when every
     * attempt is spent, gives up ({@link DispatchState#UNACKNOWLEDGED}). Returns the attempt's
     * number when the caller should send, 0 when there is nothing to send (answered, replaced by a
     * later revision, or given up).
     */
    static final class MarkSent extends Base<Integer> {
        private int revision;
        private int transport;
        private long nowMillis;
        private long nextAttemptMillis;
        private int maxAttempts;

        MarkSent() {}

        MarkSent(
                int revision,
                Transport transport,
                long nowMillis,
                long nextAttemptMillis,
                int maxAttempts) {
            this.revision = revision;
            this.transport = transport.ordinal();
            this.nowMillis = nowMillis;
            this.nextAttemptMillis = nextAttemptMillis;
            this.maxAttempts = maxAttempts;
        }

        @Override
        public Integer process(Map.Entry<String, DispatchRecord> entry) {
            DispatchRecord r = entry.getValue();
            if (r == null || r.order.revision() != revision || !r.state.awaitsAck()) {
                return 0;
            }
            if (r.attempts >= maxAttempts) {
                r.state = DispatchState.UNACKNOWLEDGED;
                entry.setValue(r);
                return -1;
            }
            r.markSent(Transport.values()[transport], nowMillis, nextAttemptMillis);
            entry.setValue(r);
            return r.attempts;
        }

        @Override
        public int getClassId() {
            return DispatchSerialization.MARK_SENT;
        }

        @Override
        public void writeData(ObjectDataOutput out) throws IOException {
            out.writeInt(revision);
            out.writeInt(transport);
            out.writeLong(nowMillis);
            out.writeLong(nextAttemptMillis);
            out.writeInt(maxAttempts);
        }

        @Override
        public void readData(ObjectDataInput in) throws IOException {
            revision = in.readInt();
            transport = in.readInt();
            nowMillis = in.readLong();
            nextAttemptMillis = in.readLong();
            maxAttempts = in.readInt();
        }
    }

    /** Moves the order by the site's ack. */
    static final class ApplyAck extends Base<AckOutcome> {
        private Ack ack;
        private long nowMillis;

        ApplyAck() {}

        ApplyAck(Ack ack, long nowMillis) {
            this.ack = ack;
            this.nowMillis = nowMillis;
        }

        @Override
        public AckOutcome process(Map.Entry<String, DispatchRecord> entry) {
            DispatchRecord r = entry.getValue();
            if (r == null || ack.revision() > r.order.revision()) {
                return AckOutcome.of(
                        AckOutcome.Result.UNKNOWN_DISPATCH, r == null ? null : r.state);
            }
            if (!r.order.site().equals(ack.site())) {
                return AckOutcome.of(AckOutcome.Result.SITE_MISMATCH, r.state);
            }
            if (ack.revision() < r.order.revision()) {
                return AckOutcome.of(AckOutcome.Result.STALE_REVISION, r.state);
            }
            DispatchState before = r.state;
            long latency = -1;
            if (!r.acked()) {
                r.firstAckMillis = nowMillis;
                latency = r.sent() ? Math.max(0, nowMillis - r.firstSentMillis) : 0;
            }
            r.state = before.after(ack.status());
            if (r.lastAck == null || !ack.ts().isBefore(r.lastAck.ts()) || r.state != before) {
                r.lastAck = ack;
            }
            entry.setValue(r);
            return new AckOutcome(AckOutcome.Result.APPLIED, before, r.state, latency);
        }

        @Override
        public int getClassId() {
            return DispatchSerialization.APPLY_ACK;
        }

        @Override
        public void writeData(ObjectDataOutput out) throws IOException {
            out.writeByteArray(CBOR.encode(ack));
            out.writeLong(nowMillis);
        }

        @Override
        public void readData(ObjectDataInput in) throws IOException {
            ack = CBOR.decodeAck(in.readByteArray());
            nowMillis = in.readLong();
        }
    }

    /** Orders still waiting for their first ack whose next attempt is due. */
    static final class Due
            implements Predicate<String, DispatchRecord>, IdentifiedDataSerializable {
        private long nowMillis;

        Due() {}

        Due(long nowMillis) {
            this.nowMillis = nowMillis;
        }

        @Override
        public boolean apply(Map.Entry<String, DispatchRecord> entry) {
            DispatchRecord r = entry.getValue();
            return r != null && r.state.awaitsAck() && r.nextAttemptMillis <= nowMillis;
        }

        @Override
        public int getFactoryId() {
            return DispatchSerialization.FACTORY_ID;
        }

        @Override
        public int getClassId() {
            return DispatchSerialization.DUE;
        }

        @Override
        public void writeData(ObjectDataOutput out) throws IOException {
            out.writeLong(nowMillis);
        }

        @Override
        public void readData(ObjectDataInput in) throws IOException {
            nowMillis = in.readLong();
        }
    }
}
