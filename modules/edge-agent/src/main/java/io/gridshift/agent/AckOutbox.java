package io.gridshift.agent;

import io.gridshift.agent.transport.EdgeTransport;
import io.gridshift.agent.transport.EdgeTransport.OutboundChannel;
import io.gridshift.domain.dispatch.Ack;
import io.gridshift.edge.codec.EdgeCodec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Acknowledgements waiting for the link. Only the newest ack per (order, revision) is kept: a later
 * status supersedes an earlier one, so the outbox is bounded by the orders the site holds, and an
 * ack lost with the link is sent again on reconnect.
 */
final class AckOutbox {
    private final EdgeTransport transport;
    private final EdgeCodec codec;
    private final Map<String, Ack> pending = new LinkedHashMap<>();

    /** Acks handed to the transport and not yet confirmed or failed: not sent a second time. */
    private final Map<String, Ack> inFlight = new HashMap<>();

    private final AtomicLong sent = new AtomicLong();

    AckOutbox(EdgeTransport transport, EdgeCodec codec) {
        this.transport = transport;
        this.codec = codec;
    }

    synchronized void offer(Ack ack) {
        String key = key(ack);
        pending.remove(key);
        pending.put(key, ack);
    }

    private static String key(Ack ack) {
        return ack.dispatchId().value() + "#" + ack.revision();
    }

    /** Sends what waits, in order; an ack leaves the outbox once the transport confirmed it. */
    void drain() {
        if (!transport.isConnected()) {
            return;
        }
        List<Ack> batch;
        synchronized (this) {
            batch = new ArrayList<>(pending.values());
        }
        for (Ack ack : batch) {
            transport.send(OutboundChannel.ACK, codec.encode(ack)).thenRun(() -> confirmed(ack));
        }
    }

    private synchronized void confirmed(Ack ack) {
        String key = ack.dispatchId().value() + "#" + ack.revision();
        if (ack.equals(pending.get(key))) {
            pending.remove(key);
        }
        sent.incrementAndGet();
    }

    synchronized int pending() {
        return pending.size();
    }

    long sent() {
        return sent.get();
    }
}
