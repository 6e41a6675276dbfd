package io.gridshift.aggregator.event;

import io.gridshift.aggregator.dispatch.DispatchService;
import io.gridshift.aggregator.dispatch.DispatchView;
import io.gridshift.aggregator.fleet.FleetState;
import io.gridshift.aggregator.fleet.Presence;
import io.gridshift.aggregator.fleet.SiteView;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.site.SiteId;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Reads a site and its order from the cluster; blocking, so a worker's business. */
final class ClusterReadings implements SiteReadings {
    private static final long TIMEOUT_S = 10;

    private final FleetState fleet;
    private final DispatchService dispatch;

    ClusterReadings(FleetState fleet, DispatchService dispatch) {
        this.fleet = fleet;
        this.dispatch = dispatch;
    }

    @Override
    public SiteReading read(String site, String orderId) {
        try {
            Optional<SiteView> v =
                    fleet.site(SiteId.of(site))
                            .toCompletableFuture()
                            .get(TIMEOUT_S, TimeUnit.SECONDS);
            Optional<DispatchView> o =
                    dispatch.get(DispatchId.of(orderId))
                            .toCompletableFuture()
                            .get(TIMEOUT_S, TimeUnit.SECONDS);
            if (v.isEmpty()) {
                return SiteReading.NONE;
            }
            SiteView s = v.get();
            return new SiteReading(
                    s.presence() == Presence.ONLINE,
                    s.lastSeen(),
                    o.map(DispatchView::state).orElse(null),
                    o.map(DispatchView::lastAck).map(a -> a.achievedKw()).orElse(null),
                    s.latest() == null ? null : s.latest().gridImportKw(),
                    o.map(DispatchView::lastAck).map(a -> a.ts()).orElse(null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SiteReading.NONE;
        } catch (Exception e) {
            return SiteReading.NONE;
        }
    }
}
