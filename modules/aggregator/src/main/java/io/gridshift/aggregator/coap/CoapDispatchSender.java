package io.gridshift.aggregator.coap;

import io.gridshift.aggregator.dispatch.DispatchSender;
import io.gridshift.aggregator.fleet.SiteRoute;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.vertx.core.eventbus.EventBus;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Sends an order to a CoAP site: the order is already the site's current one in the dispatch
 * service, so this only tells every node, over the clustered event bus, that the site's dispatch
 * resource changed; the node the site observes notifies it (RFC 7641), and the site's GET reads the
 * current order.
 */
public final class CoapDispatchSender implements DispatchSender {
    /** Event-bus address; the body is the site id. */
    public static final String CHANGED_ADDRESS = "gridshift.coap.dispatch.changed";

    private final EventBus bus;

    public CoapDispatchSender(EventBus bus) {
        this.bus = bus;
    }

    @Override
    public CompletionStage<Void> send(DispatchOrder order, SiteRoute site) {
        bus.publish(CHANGED_ADDRESS, order.site().value());
        return CompletableFuture.completedFuture(null);
    }
}
