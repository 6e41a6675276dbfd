package io.gridshift.agent;

import io.gridshift.agent.transport.EdgeTransport;
import io.gridshift.agent.transport.TransportListener;
import io.gridshift.domain.dispatch.Ack;
import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.meter.Telemetry;
import io.gridshift.edge.codec.EdgeCodec;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory link for unit tests of the agent's own logic (the transports are tested against real
 * brokers and servers): up or down on command, and able to fail chosen telemetry sends while up, as
 * a full send window or a timeout would.
 */
final class FakeTransport implements EdgeTransport {
    final List<Telemetry> delivered = new CopyOnWriteArrayList<>();
    final List<Ack> acks = new CopyOnWriteArrayList<>();
    private final AtomicInteger failTelemetry = new AtomicInteger();
    private volatile boolean connected;
    private volatile TransportListener listener;

    @Override
    public void start(TransportListener transportListener) {
        this.listener = transportListener;
    }

    void connect() {
        connected = true;
        listener.connected(false);
    }

    /** A dispatch payload arriving from the aggregator, as the transport hands it on. */
    void receiveDispatch(byte[] payload, boolean cbor) {
        listener.dispatchReceived(payload, cbor);
    }

    /** The next {@code n} telemetry sends fail although the link stays up. */
    void failNextTelemetry(int n) {
        failTelemetry.set(n);
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    @Override
    public CompletableFuture<Void> send(OutboundChannel channel, byte[] payload) {
        if (!connected) {
            return CompletableFuture.failedFuture(unavailable("down"));
        }
        if (channel == OutboundChannel.TELEMETRY) {
            if (failTelemetry.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return CompletableFuture.failedFuture(unavailable("send window full"));
            }
            delivered.add(EdgeCodec.json().decodeTelemetry(payload));
        }
        if (channel == OutboundChannel.ACK) {
            acks.add(EdgeCodec.json().decodeAck(payload));
        }
        return CompletableFuture.completedFuture(null);
    }

    private static GridshiftException unavailable(String why) {
        return new GridshiftException(ErrorKind.UNAVAILABLE, "test", why);
    }

    @Override
    public void close() {
        connected = false;
    }
}
