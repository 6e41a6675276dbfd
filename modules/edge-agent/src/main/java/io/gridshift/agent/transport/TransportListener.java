package io.gridshift.agent.transport;

import java.time.Duration;

/** What a transport tells the agent. Called from the transport's own threads. */
public interface TransportListener {

    /** The link is up (first connect or a reconnect): time to flush the buffer and report. */
    void connected(boolean reconnect);

    /** The link went down; the transport is already trying to reconnect. */
    void disconnected(Throwable cause);

    /**
     * An attempt to bring the link up failed (refused, unreachable, bad credentials, a failed DTLS
     * handshake); the transport tries again after {@code retryIn}. For health reporting: an agent
     * that never connects can tell its operator why. Does nothing unless overridden.
     */
    default void attemptFailed(Throwable cause, Duration retryIn) {}

    /**
     * A payload arrived on the site's dispatch channel, not yet decoded.
     *
     * @param payload the raw bytes, at most the configured size
     * @param cbor whether it is CBOR (CoAP content-format 60) rather than JSON
     */
    void dispatchReceived(byte[] payload, boolean cbor);

    /**
     * A payload on the dispatch channel was dropped before decoding (larger than the transport's
     * limit); {@code reason} is a short code such as {@code too_large}, for the agent's counters.
     */
    default void dispatchRefused(String reason) {}

    /**
     * A payload arrived on the site's plan channel (the day-ahead plan; retained on MQTT, observed
     * over CoAP), not yet decoded. Does nothing unless overridden.
     */
    default void planReceived(byte[] payload, boolean cbor) {}
}
