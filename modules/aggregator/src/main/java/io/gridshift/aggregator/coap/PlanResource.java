package io.gridshift.aggregator.coap;

import io.gridshift.aggregator.schedule.ScheduleBoard;
import io.gridshift.domain.schedule.SitePlan;
import io.gridshift.domain.site.SiteId;
import io.gridshift.edge.Channel;
import io.gridshift.edge.codec.EdgeCodec;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.server.resources.CoapExchange;

/**
 * A site's plan resource: GET (with Observe) answers the site's current plan version from the
 * {@link ScheduleBoard}, JSON or CBOR by the Accept option; empty 2.05 while there is none, like
 * the dispatch resource, so that the observation stands. {@link #changed()} notifies the observers
 * when the schedule service sent a new version.
 */
final class PlanResource extends CoapResource {
    /** Event-bus address; the body is the site id. */
    static final String CHANGED_ADDRESS = "gridshift.coap.plan.changed";

    private final SiteId site;
    private final ScheduleBoard board;
    private final EdgeCodecs codecs;

    PlanResource(SiteId site, ScheduleBoard board, EdgeCodecs codecs) {
        super(Channel.PLAN.segment());
        this.site = site;
        this.board = board;
        this.codecs = codecs;
        setObservable(true);
        setObserveType(Type.CON);
        getAttributes().setObservable();
    }

    @Override
    public void handleGET(CoapExchange exchange) {
        EdgeCodec codec = codecs.ofAccept(exchange.getRequestOptions().getAccept());
        if (codec == null) {
            CoapReplies.refuse(
                    exchange,
                    ResponseCode.NOT_ACCEPTABLE,
                    "Accept: must be application/json (50) or application/cbor (60)");
            return;
        }
        int format = codec.format().coapContentFormat();
        // the board reads Hazelcast: off Californium's protocol thread
        CompletableFuture.supplyAsync(
                        () -> board == null ? Optional.<SitePlan>empty() : board.plan(site))
                .whenComplete(
                        (plan, error) -> {
                            if (error != null) {
                                CoapReplies.fail(exchange, error);
                            } else if (plan.isEmpty()) {
                                exchange.respond(ResponseCode.CONTENT, new byte[0], format);
                            } else {
                                exchange.respond(
                                        ResponseCode.CONTENT, codec.encode(plan.get()), format);
                            }
                        });
    }
}
