package io.gridshift.aggregator.coap;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.elements.exception.ConnectorException;

/**
 * A Californium client on its own endpoint, configured in memory (the default endpoint would write
 * {@code Californium3.properties} into the working folder).
 */
final class TestClient implements AutoCloseable {
    static {
        CoapConfig.register();
        UdpConfig.register();
    }

    private final String base;
    private final CoapEndpoint endpoint;
    private final CoapClient client = new CoapClient();

    TestClient(String base) throws IOException {
        this.base = base;
        endpoint =
                new CoapEndpoint.Builder()
                        .setConfiguration(Configuration.createStandardWithoutFile())
                        .setInetSocketAddress(new InetSocketAddress("127.0.0.1", 0))
                        .build();
        endpoint.start();
        client.setEndpoint(endpoint);
        client.setTimeout(TimeUnit.SECONDS.toMillis(10));
    }

    CoapClient client() {
        return client;
    }

    /** Sends a request to {@code path} and waits for the answer (null when none came). */
    CoapResponse send(Request request, String path) throws ConnectorException, IOException {
        request.setURI(base + path);
        return client.advanced(request);
    }

    CoapResponse post(String path, int contentFormat, byte[] payload, boolean confirmable)
            throws ConnectorException, IOException {
        Request r = Request.newPost();
        r.setConfirmable(confirmable);
        if (contentFormat >= 0) {
            r.getOptions().setContentFormat(contentFormat);
        }
        r.setPayload(payload);
        return send(r, path);
    }

    @Override
    public void close() {
        client.shutdown();
        endpoint.destroy();
    }
}
