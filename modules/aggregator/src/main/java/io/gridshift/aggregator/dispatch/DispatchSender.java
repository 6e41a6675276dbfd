package io.gridshift.aggregator.dispatch;

import io.gridshift.aggregator.fleet.SiteRoute;
import io.gridshift.domain.dispatch.DispatchOrder;
import java.util.concurrent.CompletionStage;

/** Hands an order to the transport the site uses; the site's ack comes back through ingest. */
public interface DispatchSender {
    /**
     * @param order the revision to send
     * @param site how to reach the site (its transport and the node it talks to)
     * @return completes when the transport took the order (published, or notified to observers)
     */
    CompletionStage<Void> send(DispatchOrder order, SiteRoute site);
}
