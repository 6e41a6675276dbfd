package io.gridshift.aggregator.event;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.gridshift.aggregator.fleet.FleetState;
import io.gridshift.aggregator.fleet.Presence;
import io.gridshift.aggregator.fleet.SiteView;
import io.gridshift.aggregator.ven.FirmCapacity;
import io.gridshift.domain.site.GridZone;
import io.gridshift.optimizer.Bid;
import io.gridshift.optimizer.BidOptions;
import io.gridshift.optimizer.Bidder;
import io.gridshift.optimizer.DeliveryHistory;
import io.gridshift.optimizer.FleetSite;
import io.gridshift.optimizer.Horizon;
import io.gridshift.optimizer.IntervalBid;
import io.vertx.core.json.JsonArray;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The fleet's firm kW for the VEN's opt decision: the same {@link Bidder} the delivery planner bids
 * with (the online sites with a valid envelope, each with its delivery history, the reserve kept
 * back), at its default 95 % confidence. Reads the cluster, so it runs on {@code blocking}.
 */
public final class FleetFirmCapacity implements FirmCapacity {
    private static final int MAX_SITES = 100_000;

    private final FleetState fleet;
    private final IMap<String, String> history;
    private final EventOptions options;
    private final Clock clock;
    private final Executor blocking;
    private final Bidder bidder = new Bidder();

    public FleetFirmCapacity(
            HazelcastInstance hz,
            FleetState fleet,
            EventOptions options,
            Clock clock,
            Executor blocking) {
        this.fleet = fleet;
        this.history = hz.getMap(EventOrchestrator.HISTORY_MAP);
        this.options = options;
        this.clock = clock;
        this.blocking = blocking;
    }

    @Override
    public CompletionStage<List<Double>> firmKw(
            Set<String> zones, Instant start, List<Duration> intervals) {
        return CompletableFuture.supplyAsync(() -> bid(zones, start, intervals), blocking);
    }

    /** Blocking: the bid over the fleet now. */
    List<Double> bid(Set<String> zones, Instant start, List<Duration> intervals) {
        Instant now = clock.instant();
        List<FleetSite> sites = new ArrayList<>();
        for (SiteView v : fleet.sites(Presence.ONLINE, null, 0, MAX_SITES).sites()) {
            if (v.envelope() != null && v.envelope().isValidAt(now)) {
                sites.add(new FleetSite(v.envelope(), historyOf(v.site().value())));
            }
        }
        if (sites.isEmpty()) {
            return List.of();
        }
        Set<GridZone> scope = new HashSet<>();
        zones.forEach(z -> scope.add(GridZone.of(z)));
        // the envelopes in hand are the forecast for an event announced ahead: the bid is made as
        // of now (each envelope valid now), not as of the orders' start, which may lie beyond the
        // envelopes' validity (10 min by default) and would leave nothing to bid
        Bid bid =
                bidder.bid(
                        sites,
                        new Horizon(now, start.isBefore(now) ? now : start, intervals),
                        scope,
                        options.reserveShare(),
                        0,
                        BidOptions.defaults());
        return bid.intervals().stream().map(IntervalBid::firmKw).toList();
    }

    private DeliveryHistory historyOf(String site) {
        String text = history.get(site);
        if (text == null) {
            return DeliveryHistory.none();
        }
        List<Double> ratios = new ArrayList<>();
        new JsonArray(text).forEach(o -> ratios.add(((Number) o).doubleValue()));
        return new DeliveryHistory(ratios);
    }
}
