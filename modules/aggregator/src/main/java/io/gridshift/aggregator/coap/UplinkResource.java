package io.gridshift.aggregator.coap;

import io.gridshift.aggregator.fleet.Origin;
import io.gridshift.aggregator.ingest.EdgeIngest;
import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.edge.Channel;
import io.gridshift.edge.EdgeAddress;
import io.gridshift.edge.codec.EdgeCodec;
import java.util.concurrent.CompletionStage;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.server.resources.CoapExchange;

/**
 * One site's telemetry, flex, status or ack resource. It only decodes the CoAP envelope (method,
 * Content-Format, CON or NON) and hands the bytes to {@link EdgeIngest}; the answer goes out once
 * the ingest's stage completes, from whichever thread completes it, so neither Californium's
 * threads nor the Vert.x event loop ever wait on Hazelcast. A method other than the channel's is
 * left to {@link CoapResource}'s defaults: 4.05 Method Not Allowed.
 */
final class UplinkResource extends CoapResource {
    /** The rejected-messages reason of a payload in neither JSON nor CBOR. */
    static final String CONTENT_FORMAT = "content_format";

    private final EdgeAddress address;
    private final EdgeIngest ingest;
    private final EdgeCodecs codecs;
    private final Origin origin;

    UplinkResource(EdgeAddress address, EdgeIngest ingest, EdgeCodecs codecs, Origin origin) {
        super(address.channel().segment());
        this.address = address;
        this.ingest = ingest;
        this.codecs = codecs;
        this.origin = origin;
    }

    @Override
    public void handlePOST(CoapExchange exchange) {
        if (address.channel().coapMethod() != Channel.CoapMethod.POST) {
            super.handlePOST(exchange);
            return;
        }
        // a reading, an envelope or an ack is a new entry at the aggregator
        take(exchange, ResponseCode.CREATED);
    }

    @Override
    public void handlePUT(CoapExchange exchange) {
        if (address.channel().coapMethod() != Channel.CoapMethod.PUT) {
            super.handlePUT(exchange);
            return;
        }
        // the site's status is replaced
        take(exchange, ResponseCode.CHANGED);
    }

    private void take(CoapExchange exchange, ResponseCode success) {
        int format = exchange.getRequestOptions().getContentFormat();
        EdgeCodec codec = codecs.ofContentFormat(format);
        if (codec == null) {
            GridshiftException e =
                    new GridshiftException(
                            ErrorKind.BAD_INPUT,
                            CONTENT_FORMAT,
                            "Content-Format: must be application/json (50) or application/cbor"
                                    + " (60), got "
                                    + (format < 0 ? "none" : format));
            ingest.refused(origin, e);
            CoapReplies.refuse(exchange, ResponseCode.UNSUPPORTED_CONTENT_FORMAT, e.getMessage());
            return;
        }
        // a CON request is answered only once stored, so that its ACK means "filed"
        boolean confirm = exchange.advanced().getRequest().isConfirmable();
        CompletionStage<Void> stored;
        try {
            stored =
                    ingest.accept(
                            address,
                            codec,
                            exchange.getRequestPayload(),
                            origin,
                            CoapIdentity.site(exchange.advanced().getRequest()),
                            confirm);
        } catch (RuntimeException e) {
            CoapReplies.fail(exchange, e);
            return;
        }
        stored.whenComplete(
                (ok, error) -> {
                    if (error == null) {
                        exchange.respond(success);
                    } else {
                        CoapReplies.fail(exchange, error);
                    }
                });
    }
}
