package io.gridshift.agent.transport.coap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;

/**
 * The agent's CoAP endpoint: plain UDP, or DTLS with a pre-shared key through Scandium, on an
 * ephemeral local port. Californium's configuration is built in memory; it would otherwise write
 * {@code Californium3.properties} into the working folder.
 */
final class CoapLink {
    static {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
    }

    private final CoapEndpoint endpoint;
    private final DTLSConnector dtls;

    private CoapLink(CoapEndpoint endpoint, DTLSConnector dtls) {
        this.endpoint = endpoint;
        this.dtls = dtls;
    }

    static CoapLink open(CoapTransportOptions options) {
        Configuration config = configuration(options);
        CoapEndpoint.Builder builder = new CoapEndpoint.Builder().setConfiguration(config);
        DTLSConnector dtls = null;
        if (options.secure()) {
            byte[] secret = options.pskSecret().bytes();
            DtlsConnectorConfig dtlsConfig =
                    DtlsConnectorConfig.builder(config)
                            .setAddress(new InetSocketAddress(0))
                            .set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.CLIENT_ONLY)
                            .setAdvancedPskStore(
                                    new AdvancedSinglePskStore(options.pskIdentity(), secret))
                            .build();
            java.util.Arrays.fill(secret, (byte) 0);
            dtls = new DTLSConnector(dtlsConfig);
            builder.setConnector(dtls);
        } else {
            builder.setInetSocketAddress(new InetSocketAddress(0));
        }
        CoapEndpoint endpoint = builder.build();
        try {
            endpoint.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a UDP socket for CoAP", e);
        }
        return new CoapLink(endpoint, dtls);
    }

    CoapEndpoint endpoint() {
        return endpoint;
    }

    /**
     * Forgets the DTLS session, so that the next request shakes hands afresh: a restarted node has
     * lost the session and silently drops records under it.
     */
    void forgetSession() {
        if (dtls != null) {
            dtls.clearConnectionState();
        }
    }

    void close() {
        endpoint.destroy();
    }

    private static Configuration configuration(CoapTransportOptions options) {
        Configuration config = Configuration.createStandardWithoutFile();
        int ackMs = (int) options.ackTimeout().toMillis();
        config.set(CoapConfig.ACK_TIMEOUT, ackMs, TimeUnit.MILLISECONDS);
        config.set(CoapConfig.MAX_RETRANSMIT, options.maxRetransmit());
        config.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, options.maxPayloadBytes());
        // one agent, one peer: a thread per stage is plenty
        config.set(CoapConfig.PROTOCOL_STAGE_THREAD_COUNT, 1);
        config.set(UdpConfig.UDP_RECEIVER_THREAD_COUNT, 1);
        config.set(UdpConfig.UDP_SENDER_THREAD_COUNT, 1);
        config.set(DtlsConfig.DTLS_RECEIVER_THREAD_COUNT, 1);
        config.set(DtlsConfig.DTLS_CONNECTOR_THREAD_COUNT, 1);
        // the handshake gives up on the same schedule as a confirmable request
        config.set(DtlsConfig.DTLS_RETRANSMISSION_TIMEOUT, ackMs, TimeUnit.MILLISECONDS);
        config.set(DtlsConfig.DTLS_MAX_RETRANSMISSIONS, options.maxRetransmit());
        return config;
    }
}
