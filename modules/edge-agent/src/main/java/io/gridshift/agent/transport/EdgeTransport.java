package io.gridshift.agent.transport;

import io.gridshift.edge.codec.EdgeFormat;
import java.util.concurrent.CompletableFuture;

/**
 * The agent's link to the aggregator, MQTT v5 or CoAP. A transport moves encoded payloads on the
 * edge protocol's channels and keeps itself connected; decoding, validation and every decision stay
 * in the agent, so both transports behave the same.
 */
public interface EdgeTransport extends AutoCloseable {

    /**
     * Connects, subscribes (MQTT) or observes (CoAP) the site's dispatch channel, and from then on
     * reconnects by itself with back-off until {@link #close()}. Returns at once; {@link
     * TransportListener#connected()} tells when the link is up.
     */
    void start(TransportListener listener);

    /**
     * The payload format this link carries; the agent encodes in it. JSON unless the transport was
     * configured otherwise (CoAP may carry CBOR).
     */
    default EdgeFormat format() {
        return EdgeFormat.JSON;
    }

    /** Whether the link is up now. */
    boolean isConnected();

    /**
     * Sends one payload on an agent-to-aggregator channel. The future completes when the peer has
     * it as far as the channel's quality of service promises (MQTT PUBACK at QoS 1, a CoAP ACK for
     * CON; at once for QoS 0 and NON) and fails when it cannot be sent now.
     */
    CompletableFuture<Void> send(OutboundChannel channel, byte[] payload);

    /** Stops reconnecting and closes the link; for MQTT, a clean disconnect without the will. */
    @Override
    void close();

    /** Channels the agent sends on, with the delivery each needs. */
    enum OutboundChannel {
        /** Readings every few seconds: MQTT QoS 0 or 1 (configurable), CoAP NON. */
        TELEMETRY,
        /** The flexibility envelope: QoS 1, CON. */
        FLEX,
        /** Online/offline, retained on MQTT: QoS 1, CON. */
        STATUS,
        /** Acknowledgements of orders: QoS 1, CON. */
        ACK,
        /** The site's queue of flexible jobs, for the day-ahead plan: QoS 1, CON. */
        JOBS,
        /** Acknowledgements of plan versions: QoS 1, CON. */
        PLAN_ACK
    }
}
