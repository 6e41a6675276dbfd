package io.gridshift.aggregator.dispatch;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.gridshift.aggregator.cluster.Stages;
import io.gridshift.aggregator.fleet.FleetState;
import io.gridshift.aggregator.fleet.SiteRoute;
import io.gridshift.aggregator.metrics.AggregatorMetrics;
import io.gridshift.domain.dispatch.Ack;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.site.SiteId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues orders and follows each through its state machine: one entry per order in the map {@value
 * #DISPATCH_MAP}, changed on its owning member only. An order goes out over the transport its site
 * uses; until the site's first ack it is sent again every {@code ackTimeout}, up to {@code
 * maxAttempts} times, by whichever member owns it then (so a node's death does not strand it).
 */
public final class DispatchService {
    /** The Hazelcast map of orders, keyed by dispatch id. */
    public static final String DISPATCH_MAP = "gridshift.dispatches";

    /** The Hazelcast map of each site's latest order id, keyed by site id. */
    public static final String SITE_ORDERS_MAP = "gridshift.site-orders";

    private static final Logger LOG = LoggerFactory.getLogger(DispatchService.class);

    private final IMap<String, DispatchRecord> map;
    private final IMap<String, String> siteOrders;
    private final FleetState fleet;
    private final DispatchSender sender;
    private final DispatchOptions options;
    private final Clock clock;
    private final AggregatorMetrics metrics;
    private final DispatchJournal journal;

    /** A service that writes nothing ahead ({@link DispatchJournal#NONE}). */
    public DispatchService(
            HazelcastInstance hz,
            FleetState fleet,
            DispatchSender sender,
            DispatchOptions options,
            Clock clock,
            AggregatorMetrics metrics) {
        this(hz, fleet, sender, options, clock, metrics, DispatchJournal.NONE);
    }

    /**
     * @param journal where orders, sends and acks are written before they take effect
     */
    public DispatchService(
            HazelcastInstance hz,
            FleetState fleet,
            DispatchSender sender,
            DispatchOptions options,
            Clock clock,
            AggregatorMetrics metrics,
            DispatchJournal journal) {
        this.map = hz.getMap(DISPATCH_MAP);
        this.siteOrders = hz.getMap(SITE_ORDERS_MAP);
        this.fleet = fleet;
        this.sender = sender;
        this.options = options;
        this.clock = clock;
        this.metrics = metrics;
        this.journal = journal;
    }

    /**
     * Issues an order (or a higher revision of one) and sends it.
     *
     * @return the order as tracked after its first send
     * @throws GridshiftException (in the stage) {@link ErrorKind#NOT_FOUND} for a site that never
     *     reported, {@link ErrorKind#CONFLICT} when the same or a higher revision exists
     */
    public CompletionStage<DispatchView> issue(DispatchOrder order) {
        return fleet.route(order.site())
                .thenCompose(
                        route -> {
                            if (route.isEmpty()) {
                                throw new GridshiftException(
                                        ErrorKind.NOT_FOUND,
                                        "unknown_site",
                                        "site: "
                                                + order.site()
                                                + " has never reported to this aggregator");
                            }
                            long now = clock.millis();
                            SiteRoute to = route.get();
                            return journal.order(order)
                                    .thenCompose(written -> track(order, to, now))
                                    .thenCompose(
                                            replaced -> {
                                                if (replaced < 0) {
                                                    throw conflict(order, -replaced);
                                                }
                                                metrics.transition(DispatchState.SENT);
                                                return firstSend(order, to, now);
                                            });
                        });
    }

    private CompletionStage<Integer> track(DispatchOrder order, SiteRoute to, long now) {
        String key = order.id().value();
        return Stages.settled(
                map.submitToKey(
                        key,
                        new DispatchProcessors.Issue(
                                order,
                                to.transport(),
                                now,
                                now + options.ackTimeout().toMillis())));
    }

    /**
     * Makes the order its site's current one (what a CoAP observer reads, hence first), then hands
     * it to the transport.
     */
    private CompletionStage<DispatchView> firstSend(DispatchOrder order, SiteRoute to, long now) {
        Instant at = Instant.ofEpochMilli(now);
        DispatchView sent =
                new DispatchView(order, DispatchState.SENT, to.transport(), 1, at, at, null, null);
        return Stages.settled(siteOrders.setAsync(order.site().value(), order.id().value()))
                .thenCompose(v -> journal.send(order, 1, to.transport(), at))
                .thenCompose(v -> sender.send(order, to))
                .thenApply(v -> sent);
    }

    private static GridshiftException conflict(DispatchOrder order, int stored) {
        return new GridshiftException(
                ErrorKind.CONFLICT,
                "revision",
                "revision: order "
                        + order.id()
                        + " already has revision "
                        + stored
                        + "; a new revision must be higher");
    }

    /** Marks one more attempt and, unless every attempt is spent, sends the order again. */
    private CompletionStage<Void> resend(DispatchOrder order, SiteRoute site) {
        long now = clock.millis();
        return Stages.settled(
                        map.submitToKey(
                                order.id().value(),
                                new DispatchProcessors.MarkSent(
                                        order.revision(),
                                        site.transport(),
                                        now,
                                        now + options.ackTimeout().toMillis(),
                                        options.maxAttempts())))
                .thenCompose(
                        attempt -> {
                            if (attempt == 0) {
                                return CompletableFuture.completedFuture(null);
                            }
                            if (attempt < 0) {
                                metrics.transition(DispatchState.UNACKNOWLEDGED);
                                LOG.warn(
                                        "order {} rev {} to {}: no ack after {} attempts",
                                        order.id(),
                                        order.revision(),
                                        order.site(),
                                        options.maxAttempts());
                                return CompletableFuture.completedFuture(null);
                            }
                            return journal.send(
                                            order,
                                            attempt,
                                            site.transport(),
                                            Instant.ofEpochMilli(now))
                                    .thenCompose(v -> sender.send(order, site));
                        });
    }

    /**
     * Takes a site's ack.
     *
     * @throws GridshiftException (in the stage) {@link ErrorKind#NOT_FOUND} ({@code
     *     unknown_dispatch}) for an order never issued, {@link ErrorKind#FORBIDDEN} ({@code
     *     site_mismatch}) when another site answers
     */
    public CompletionStage<AckOutcome> onAck(Ack ack) {
        return journal.ack(ack).thenCompose(written -> apply(ack));
    }

    private CompletionStage<AckOutcome> apply(Ack ack) {
        return Stages.settled(
                        map.submitToKey(
                                ack.dispatchId().value(),
                                new DispatchProcessors.ApplyAck(ack, clock.millis())))
                .thenApply(
                        outcome -> {
                            switch (outcome.result()) {
                                case UNKNOWN_DISPATCH ->
                                        throw new GridshiftException(
                                                ErrorKind.NOT_FOUND,
                                                "unknown_dispatch",
                                                "dispatchId: no order "
                                                        + ack.dispatchId()
                                                        + " revision "
                                                        + ack.revision()
                                                        + " was issued");
                                case SITE_MISMATCH ->
                                        throw new GridshiftException(
                                                ErrorKind.FORBIDDEN,
                                                "site_mismatch",
                                                "site: order "
                                                        + ack.dispatchId()
                                                        + " is not for "
                                                        + ack.site());
                                default -> {}
                            }
                            if (outcome.firstAckLatencyMillis() >= 0) {
                                metrics.ackLatency(
                                        Duration.ofMillis(outcome.firstAckLatencyMillis()));
                            }
                            if (outcome.after() != outcome.before()) {
                                metrics.transition(outcome.after());
                            }
                            return outcome;
                        });
    }

    /**
     * The latest order issued to {@code site}, whatever its state: what a CoAP site observing its
     * dispatch resource is shown (the agent answers a finished order with its current state).
     */
    public CompletionStage<Optional<DispatchOrder>> currentOrder(SiteId site) {
        return Stages.settled(siteOrders.getAsync(site.value()))
                .thenCompose(
                        id ->
                                id == null
                                        ? CompletableFuture.completedFuture(Optional.empty())
                                        : get(DispatchId.of(id))
                                                .thenApply(v -> v.map(DispatchView::order)));
    }

    public CompletionStage<Optional<DispatchView>> get(DispatchId id) {
        return Stages.settled(map.getAsync(id.value()))
                .thenApply(r -> Optional.ofNullable(r).map(DispatchRecord::view));
    }

    /**
     * Orders, newest first, optionally of one site or in one state; blocking (a query across the
     * cluster), call it off the event loop.
     */
    public List<DispatchView> list(SiteId site, DispatchState state, int limit) {
        List<DispatchView> out = new ArrayList<>();
        for (DispatchRecord r : map.values()) {
            if ((site == null || r.order.site().equals(site))
                    && (state == null || r.state == state)) {
                out.add(r.view());
            }
        }
        out.sort(Comparator.comparing(DispatchView::issuedAt).reversed());
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    /**
     * Sends again the orders this member owns that are due a resend, and gives up on those out of
     * attempts; blocking. Returns how many were looked at.
     */
    public int retryDue() {
        Set<String> due = map.localKeySet(new DispatchProcessors.Due(clock.millis()));
        for (Map.Entry<String, DispatchRecord> entry : map.getAll(due).entrySet()) {
            String key = entry.getKey();
            DispatchRecord r = entry.getValue();
            if (r == null || !r.state.awaitsAck()) {
                continue;
            }
            fleet.route(r.order.site())
                    .thenCompose(
                            site ->
                                    site.isPresent()
                                            ? resend(r.order, site.get())
                                            : CompletableFuture.completedFuture(null))
                    .whenComplete(
                            (ok, e) -> {
                                if (e != null) {
                                    LOG.warn("resending order {} failed: {}", key, e.toString());
                                }
                            });
        }
        return due.size();
    }

    /** Every order in the map, by id (for tests and diagnostics; blocking). */
    public Map<String, DispatchState> states() {
        Map<String, DispatchState> out = new java.util.TreeMap<>();
        map.forEach((k, v) -> out.put(k, v.state));
        return out;
    }
}
