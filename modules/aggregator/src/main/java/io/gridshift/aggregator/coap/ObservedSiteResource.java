package io.gridshift.aggregator.coap;

import io.gridshift.edge.codec.EdgeCodec;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.server.resources.CoapExchange;

/**
 * A site's resource the agent observes (RFC 7641) with confirmable notifications: GET answers what
 * the aggregator holds for the site now, in the format the Accept option asks for (JSON when
 * absent); {@link #changed()} re-runs the GET for every observer.
 *
 * <p>While there is nothing the answer is 2.05 with an empty payload: the agent takes that as
 * "nothing to do" and, since it carries the Observe option, as an established observation. An error
 * answer would end the observation and send the agent into its back-off.
 *
 * @param <T> what the resource holds
 */
abstract class ObservedSiteResource<T> extends CoapResource {
    private final EdgeCodecs codecs;

    ObservedSiteResource(String name, EdgeCodecs codecs) {
        super(name);
        this.codecs = codecs;
        setObservable(true);
        setObserveType(Type.CON);
        getAttributes().setObservable();
    }

    /** What the site's resource holds now; empty while there is nothing. */
    abstract CompletionStage<Optional<T>> current();

    /** {@code value} in {@code codec}'s format. */
    abstract byte[] encode(EdgeCodec codec, T value);

    @Override
    public final void handleGET(CoapExchange exchange) {
        // for a notification the options are those of the registering GET, Accept included
        EdgeCodec codec = codecs.ofAccept(exchange.getRequestOptions().getAccept());
        if (codec == null) {
            CoapReplies.refuse(
                    exchange,
                    ResponseCode.NOT_ACCEPTABLE,
                    "Accept: must be application/json (50) or application/cbor (60)");
            return;
        }
        int format = codec.format().coapContentFormat();
        // Californium lets a resource respond from any thread
        current()
                .whenComplete(
                        (value, error) -> {
                            if (error != null) {
                                CoapReplies.fail(exchange, error);
                            } else if (value.isEmpty()) {
                                exchange.respond(ResponseCode.CONTENT, new byte[0], format);
                            } else {
                                exchange.respond(
                                        ResponseCode.CONTENT, encode(codec, value.get()), format);
                            }
                        });
    }
}
