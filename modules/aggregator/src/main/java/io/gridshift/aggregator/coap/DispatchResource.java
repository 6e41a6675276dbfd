package io.gridshift.aggregator.coap;

import io.gridshift.aggregator.dispatch.DispatchService;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.site.SiteId;
import io.gridshift.edge.Channel;
import io.gridshift.edge.codec.EdgeCodec;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * A site's dispatch resource: answers the site's current order from {@link
 * DispatchService#currentOrder} (see {@link ObservedSiteResource}); confirmable notifications, as
 * the protocol wants orders never lost silently.
 */
final class DispatchResource extends ObservedSiteResource<DispatchOrder> {
    private final SiteId site;
    private final DispatchService dispatch;

    DispatchResource(SiteId site, DispatchService dispatch, EdgeCodecs codecs) {
        super(Channel.DISPATCH.segment(), codecs);
        this.site = site;
        this.dispatch = dispatch;
    }

    @Override
    CompletionStage<Optional<DispatchOrder>> current() {
        // answered from Hazelcast's thread
        return dispatch.currentOrder(site);
    }

    @Override
    byte[] encode(EdgeCodec codec, DispatchOrder order) {
        return codec.encode(order);
    }
}
