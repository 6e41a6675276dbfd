package io.gridshift.aggregator.coap;

import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import java.util.concurrent.CompletionException;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Error answers of the CoAP ingress: the exception's kind gives the code (one mapping for every
 * transport, see {@link ErrorKind#coapCode()}), its message becomes the diagnostic payload (RFC
 * 7252 §5.5.2, text/plain) so an agent's log says which field broke which rule.
 */
final class CoapReplies {
    private static final Logger LOG = LoggerFactory.getLogger(CoapReplies.class);

    private CoapReplies() {}

    /** The Californium code of a kind, e.g. {@code 4.00} for {@link ErrorKind#BAD_INPUT}. */
    static ResponseCode code(ErrorKind kind) {
        String[] parts = kind.coapCode().split("\\.");
        int value = (Integer.parseInt(parts[0]) << 5) | Integer.parseInt(parts[1]);
        return ResponseCode.valueOf(value);
    }

    static void refuse(CoapExchange exchange, GridshiftException e) {
        exchange.respond(code(e.kind()), e.getMessage(), MediaTypeRegistry.TEXT_PLAIN);
    }

    static void refuse(CoapExchange exchange, ResponseCode code, String why) {
        exchange.respond(code, why, MediaTypeRegistry.TEXT_PLAIN);
    }

    /**
     * Answers a failure: a {@link GridshiftException} (possibly wrapped by a stage) with its kind's
     * code, anything else as 5.00, since it is a bug on this side and not the agent's fault.
     */
    static void fail(CoapExchange exchange, Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof GridshiftException g) {
            refuse(exchange, g);
        } else {
            LOG.error("CoAP request failed unexpectedly", cause);
            refuse(exchange, ResponseCode.INTERNAL_SERVER_ERROR, "internal error");
        }
    }

    static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
