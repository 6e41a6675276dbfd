package io.gridshift.aggregator.dispatch;

import io.gridshift.aggregator.fleet.SiteRoute;
import io.gridshift.aggregator.fleet.Transport;
import io.gridshift.domain.dispatch.DispatchOrder;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** Sends each order over the transport its site last spoke on. */
public final class RoutingSender implements DispatchSender {
    private final Map<Transport, DispatchSender> byTransport;

    public RoutingSender(Map<Transport, DispatchSender> byTransport) {
        this.byTransport = Map.copyOf(byTransport);
    }

    @Override
    public CompletionStage<Void> send(DispatchOrder order, SiteRoute site) {
        DispatchSender sender = byTransport.get(site.transport());
        if (sender == null) {
            throw new IllegalStateException("no sender for " + site.transport());
        }
        return sender.send(order, site);
    }
}
