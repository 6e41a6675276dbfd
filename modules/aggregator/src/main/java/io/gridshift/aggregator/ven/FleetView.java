package io.gridshift.aggregator.ven;

import io.gridshift.aggregator.fleet.FleetState;
import io.gridshift.aggregator.fleet.FleetSummary;
import io.gridshift.aggregator.fleet.SiteView;
import io.gridshift.domain.site.SiteId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * What the VEN reads of the fleet: its totals, single sites an event may target, and what the
 * running events take off its load.
 */
public interface FleetView {

    CompletionStage<FleetSummary> summary();

    CompletionStage<Optional<SiteView>> site(SiteId site);

    /** The running events' delivery now; none unless the view knows of the events. */
    default CompletionStage<DeliveryNow> delivering() {
        return CompletableFuture.completedFuture(DeliveryNow.NONE);
    }

    /** The fleet kept on the cluster, without the events' delivery. */
    static FleetView of(FleetState fleet) {
        return of(fleet, () -> CompletableFuture.completedFuture(DeliveryNow.NONE));
    }

    /** The fleet kept on the cluster, and the running events' delivery from {@code delivering}. */
    static FleetView of(FleetState fleet, Supplier<CompletionStage<DeliveryNow>> delivering) {
        return new FleetView() {
            @Override
            public CompletionStage<FleetSummary> summary() {
                return fleet.summary();
            }

            @Override
            public CompletionStage<Optional<SiteView>> site(SiteId site) {
                return fleet.site(site);
            }

            @Override
            public CompletionStage<DeliveryNow> delivering() {
                return delivering.get();
            }
        };
    }
}
