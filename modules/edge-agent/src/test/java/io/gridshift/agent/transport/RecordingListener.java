package io.gridshift.agent.transport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what a transport tells the agent, for tests to wait on. */
public final class RecordingListener implements TransportListener {
    private final List<Boolean> connects = new CopyOnWriteArrayList<>();
    private final List<Throwable> disconnects = new CopyOnWriteArrayList<>();
    private final List<Throwable> failedAttempts = new CopyOnWriteArrayList<>();
    private final List<String> dispatches = new CopyOnWriteArrayList<>();
    private final List<byte[]> dispatchBytes = new CopyOnWriteArrayList<>();
    private final List<Boolean> dispatchCbor = new CopyOnWriteArrayList<>();

    @Override
    public void connected(boolean reconnect) {
        connects.add(reconnect);
    }

    @Override
    public void disconnected(Throwable cause) {
        disconnects.add(cause);
    }

    @Override
    public void attemptFailed(Throwable cause, Duration retryIn) {
        failedAttempts.add(cause);
    }

    @Override
    public void dispatchReceived(byte[] payload, boolean cbor) {
        dispatches.add(new String(payload, StandardCharsets.UTF_8));
        dispatchBytes.add(payload.clone());
        dispatchCbor.add(cbor);
    }

    /** The {@code reconnect} flag of every {@code connected} call, in order. */
    public List<Boolean> connects() {
        return List.copyOf(connects);
    }

    public List<Throwable> disconnects() {
        return List.copyOf(disconnects);
    }

    public List<Throwable> failedAttempts() {
        return List.copyOf(failedAttempts);
    }

    /** The dispatch payloads as UTF-8 text, in arrival order. */
    public List<String> dispatches() {
        return List.copyOf(dispatches);
    }

    /** The dispatch payloads as they came, for binary (CBOR) ones. */
    public List<byte[]> dispatchBytes() {
        return List.copyOf(dispatchBytes);
    }

    public List<Boolean> dispatchCbor() {
        return List.copyOf(dispatchCbor);
    }
}
