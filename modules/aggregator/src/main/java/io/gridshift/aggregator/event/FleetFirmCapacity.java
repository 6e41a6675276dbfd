package io.gridshift.aggregator.event;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.gridshift.aggregator.fleet.FleetState;
import io.gridshift.aggregator.fleet.Presence;
import io.gridshift.aggregator.fleet.SiteView;
import io.gridshift.aggregator.ven.FirmCapacity;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
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
import java.util.TreeSet;
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

    /** A site's firm kW at or below this is none. */
    private static final double MIN_FIRM_KW = 1e-3;

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

    @Override
    public CompletionStage<SitesBid> firmKwOfSites(
            Set<String> sites, Instant start, List<Duration> intervals) {
        return CompletableFuture.supplyAsync(() -> bidOfSites(sites, start, intervals), blocking);
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
        Set<GridZone> scope = new HashSet<>();
        zones.forEach(z -> scope.add(GridZone.of(z)));
        return firm(sites, scope, now, start, intervals);
    }

    /**
     * Blocking: the named sites' bid together, and those among them (online, with an envelope)
     * whose own bid leaves 0 kW in some interval. Sites offline or unknown are not looked at here:
     * the event's scope names them unavailable already.
     */
    SitesBid bidOfSites(Set<String> named, Instant start, List<Duration> intervals) {
        Instant now = clock.instant();
        List<FleetSite> sites = new ArrayList<>();
        for (String id : named) {
            fleet.site(SiteId.of(id))
                    .toCompletableFuture()
                    .join()
                    .filter(v -> v.presence() == Presence.ONLINE)
                    .filter(v -> v.envelope() != null && v.envelope().isValidAt(now))
                    .ifPresent(v -> sites.add(new FleetSite(v.envelope(), historyOf(id))));
        }
        Set<String> without = new TreeSet<>();
        for (FleetSite site : sites) {
            List<Double> own = firm(List.of(site), Set.of(), now, start, intervals);
            if (own.isEmpty() || own.stream().anyMatch(kw -> kw <= MIN_FIRM_KW)) {
                without.add(site.site().value());
            }
        }
        return new SitesBid(firm(sites, Set.of(), now, start, intervals), without);
    }

    private List<Double> firm(
            List<FleetSite> sites,
            Set<GridZone> scope,
            Instant now,
            Instant start,
            List<Duration> intervals) {
        if (sites.isEmpty()) {
            return List.of();
        }
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
