package io.gridshift.aggregator.coap;

import io.gridshift.aggregator.schedule.ScheduleBoard;
import io.gridshift.domain.schedule.SitePlan;
import io.gridshift.domain.site.SiteId;
import io.gridshift.edge.Channel;
import io.gridshift.edge.codec.EdgeCodec;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A site's plan resource: answers the site's current plan version from the {@link ScheduleBoard}
 * (see {@link ObservedSiteResource}); {@link #changed()} notifies the observers when the schedule
 * service sent a new version.
 */
final class PlanResource extends ObservedSiteResource<SitePlan> {
    /** Event-bus address; the body is the site id. */
    static final String CHANGED_ADDRESS = "gridshift.coap.plan.changed";

    private final SiteId site;
    private final ScheduleBoard board;

    PlanResource(SiteId site, ScheduleBoard board, EdgeCodecs codecs) {
        super(Channel.PLAN.segment(), codecs);
        this.site = site;
        this.board = board;
    }

    @Override
    CompletionStage<Optional<SitePlan>> current() {
        // the board reads Hazelcast: off Californium's protocol thread
        return CompletableFuture.supplyAsync(
                () -> board == null ? Optional.empty() : board.plan(site));
    }

    @Override
    byte[] encode(EdgeCodec codec, SitePlan plan) {
        return codec.encode(plan);
    }
}
