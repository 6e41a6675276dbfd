package io.gridshift.aggregator.coap;

import io.gridshift.aggregator.dispatch.DispatchService;
import io.gridshift.domain.site.SiteId;
import io.gridshift.edge.Channel;
import io.gridshift.edge.codec.EdgeCodec;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.server.resources.CoapExchange;

/**
 * A site's dispatch resource: GET answers the site's current order from {@link
 * DispatchService#currentOrder}, in the format the Accept option asks for (JSON when absent). The
 * resource is observable (RFC 7641) with confirmable notifications, as the protocol wants orders
 * never lost silently; {@link #changed()} re-runs the GET for every observer.
 *
 * <p>With no order yet the answer is 2.05 with an empty payload: the agent takes that as "nothing
 * to do" and, since it carries the Observe option, as an established observation. An error answer
 * would end the observation and send the agent into its back-off.
 */
final class DispatchResource extends CoapResource {
    private final SiteId site;
    private final DispatchService dispatch;
    private final EdgeCodecs codecs;

    DispatchResource(SiteId site, DispatchService dispatch, EdgeCodecs codecs) {
        super(Channel.DISPATCH.segment());
        this.site = site;
        this.dispatch = dispatch;
        this.codecs = codecs;
        setObservable(true);
        setObserveType(Type.CON);
        getAttributes().setObservable();
    }

    @Override
    public void handleGET(CoapExchange exchange) {
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
        // answered from Hazelcast's thread: Californium lets a resource respond from any thread
        dispatch.currentOrder(site)
                .whenComplete(
                        (order, error) -> {
                            if (error != null) {
                                CoapReplies.fail(exchange, error);
                            } else if (order.isEmpty()) {
                                exchange.respond(ResponseCode.CONTENT, new byte[0], format);
                            } else {
                                exchange.respond(
                                        ResponseCode.CONTENT, codec.encode(order.get()), format);
                            }
                        });
    }
}
