package io.gridshift.aggregator.ven;

import io.gridshift.aggregator.fleet.FleetState;
import io.gridshift.aggregator.fleet.FleetSummary;
import io.gridshift.aggregator.fleet.SiteView;
import io.gridshift.domain.site.SiteId;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** What the VEN reads of the fleet: its totals, and single sites an event may target. */
public interface FleetView {

    CompletionStage<FleetSummary> summary();

    CompletionStage<Optional<SiteView>> site(SiteId site);

    /** The fleet kept on the cluster. */
    static FleetView of(FleetState fleet) {
        return new FleetView() {
            @Override
            public CompletionStage<FleetSummary> summary() {
                return fleet.summary();
            }

            @Override
            public CompletionStage<Optional<SiteView>> site(SiteId site) {
                return fleet.site(site);
            }
        };
    }
}
