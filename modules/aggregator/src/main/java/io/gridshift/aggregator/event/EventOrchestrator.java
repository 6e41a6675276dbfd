package io.gridshift.aggregator.event;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.gridshift.aggregator.cluster.Lease;
import io.gridshift.aggregator.dispatch.DispatchService;
import io.gridshift.aggregator.fleet.FleetState;
import io.gridshift.aggregator.fleet.Presence;
import io.gridshift.aggregator.fleet.SiteView;
import io.gridshift.aggregator.ven.GridEventLog;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.event.EventId;
import io.gridshift.domain.site.SiteId;
import io.gridshift.optimizer.DeliveryHistory;
import io.gridshift.storage.ledger.Ledger;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Orchestrates the grid events of the cluster's event log: exactly one member acts on a running
 * event, the one holding its lease ({@code event <id>} in {@code gridshift.leases}, taken and
 * renewed by every check of the holder, {@code leaseTtl} without renewal hands it on). A member
 * that takes over an event another member was orchestrating first reconciles the delivery record
 * with the order map ({@link DeliveryResumption}), then goes on from the record: the replicated
 * delivery, orders and acks, never a fresh plan. The record is written back only if nobody changed
 * it meanwhile (compare and set), so a member that lost the lease while stalled cannot overwrite
 * its successor. Every {@code checkEvery} (wall time) on a worker: a dispatchable event without a
 * delivery is planned ({@link DeliveryPlanner}) and its orders issued, one per site; a cancelled
 * one ends its orders; a modified one is revised; a running one goes round the closed loop ({@link
 * DeliveryLoop}) every {@code loopPeriod} of the node's clock; an ended one is completed and each
 * site's delivery ratio appended to its history for the next bid.
 */
public final class EventOrchestrator extends VerticleBase {
    /** Each site's delivery ratios (delivered / ordered) from past events, as a JSON array. */
    public static final String HISTORY_MAP = "gridshift.delivery-history";

    private static final Logger LOG = LoggerFactory.getLogger(EventOrchestrator.class);
    private static final int MAX_SITES = 100_000;
    private static final long ISSUE_TIMEOUT_S = 60;

    private final IMap<String, String> events;
    private final IMap<String, String> deliveries;
    private final IMap<String, String> history;
    private final FleetState fleet;
    private final DispatchService dispatch;
    private final Ledger ledger;
    private final Clock clock;
    private final EventOptions options;
    private final java.util.function.Supplier<DeliveryPlanner> planners;
    private final DeliveryLoop loop;
    private final HazelcastInstance hz;
    private final String nodeId;
    private final Duration leaseTtl;
    private final DeliveryResumption resumption;
    private final Set<String> finished = ConcurrentHashMap.newKeySet();
    private final Set<String> leading = ConcurrentHashMap.newKeySet();
    private final ReboundOrders rebound;
    private DeliveryPlanner planner;

    /**
     * @param ledger where each site's commitment is recorded as a bid; {@code null}: none
     * @param planners makes the planner when the first event needs it (the allocator loads
     *     OR-Tools' natives, which a node without events never needs)
     * @param nodeId this node, as it holds event leases
     * @param leaseTtl how long an event's lease outlives its holder's last check (the event's
     *     fail-over time)
     */
    public EventOrchestrator(
            String nodeId,
            Duration leaseTtl,
            HazelcastInstance hz,
            FleetState fleet,
            DispatchService dispatch,
            Ledger ledger,
            Clock clock,
            EventOptions options,
            java.util.function.Supplier<DeliveryPlanner> planners) {
        this.events = hz.getMap(GridEventLog.MAP);
        this.deliveries = hz.getMap(GridEventLog.DELIVERIES);
        this.history = hz.getMap(HISTORY_MAP);
        this.fleet = fleet;
        this.dispatch = dispatch;
        this.ledger = ledger;
        this.clock = clock;
        this.options = options;
        this.planners = planners;
        this.loop = new DeliveryLoop(options);
        this.rebound = new ReboundOrders(ReboundOrders.STEP, options.reboundPeakFactor());
        this.hz = hz;
        this.nodeId = nodeId;
        this.leaseTtl = leaseTtl;
        this.resumption = new DeliveryResumption(dispatch);
    }

    /** The lease role of event {@code id}. */
    public static String leaseRole(String id) {
        return "event " + id;
    }

    @Override
    public Future<?> start() {
        vertx.setPeriodic(
                options.checkEvery().toMillis(),
                id ->
                        vertx.executeBlocking(
                                        () -> {
                                            check();
                                            return null;
                                        },
                                        true)
                                .onFailure(e -> LOG.warn("event orchestration failed", e)));
        return Future.succeededFuture();
    }

    /** Looks once at every running event, acting on those whose lease this node holds; blocking. */
    public void check() {
        for (String id : events.keySet()) {
            if (finished.contains(id)) {
                continue;
            }
            String text = events.get(id);
            String stored = deliveries.get(id);
            if (text == null || isOver(stored)) {
                continue;
            }
            try {
                JsonObject logged = new JsonObject(text);
                if ((stored == null && !startable(id, logged)) || !lead(id)) {
                    continue;
                }
                one(id, logged, stored);
            } catch (RuntimeException e) {
                LOG.warn("event {}: orchestration step failed: {}", id, e.toString(), e);
            }
        }
    }

    /**
     * Whether an event without a delivery may get one: dispatchable and not over (one that is over
     * never will; one not dispatchable may be modified into one). No lease is taken for the rest.
     */
    private boolean startable(String id, JsonObject logged) {
        EventRequest e = EventRequest.of(logged, 0);
        if (!clock.instant().isBefore(e.end())) {
            finished.add(id);
            return false;
        }
        return e.dispatchable();
    }

    private boolean isOver(String stored) {
        if (stored == null) {
            return false;
        }
        JsonObject d = new JsonObject(stored);
        String status = d.getString("status");
        if ("COMPLETED".equals(status) || "CANCELLED".equals(status)) {
            finished.add(d.getString("eventId"));
            return true;
        }
        return false;
    }

    /** Takes or renews the event's lease; {@code false} on the minority side of a split. */
    private boolean lead(String id) {
        boolean held;
        try {
            held = Lease.takeOnce(hz, leaseRole(id), nodeId, leaseTtl);
        } catch (RuntimeException e) {
            LOG.warn("event {}: lease not renewed: {}", id, e.toString());
            held = false;
        }
        if (held ? leading.add(id) : leading.remove(id)) {
            LOG.info("{} {} the lease on event {}", nodeId, held ? "took" : "lost", id);
        }
        return held;
    }

    private void one(String id, JsonObject logged, String stored) {
        Instant now = clock.instant();
        EventRequest e = EventRequest.of(logged, 0);
        if (stored == null) {
            if (e.dispatchable() && now.isBefore(e.end())) {
                JsonObject d = dispatchNew(e, now).put("orchestrator", nodeId);
                if (deliveries.putIfAbsent(id, d.encode()) != null) {
                    LOG.warn("event {}: planned by another member meanwhile; plan dropped", id);
                }
            }
            return;
        }
        JsonObject d = new JsonObject(stored);
        boolean changed = takeOver(d, now);
        if (!e.dispatchable()) {
            end(d, now, "CANCELLED");
        } else if (e.modification() != d.getLong("modificationNumber")) {
            revise(d, e, now);
        } else if (!now.isBefore(e.end())) {
            complete(d, now);
        } else if (!now.isBefore(Instant.parse(d.getString("ordersFrom"))) && loopDue(d, now)) {
            track(d, e, now);
        } else if (!changed) {
            return;
        }
        if (!deliveries.replace(id, stored, d.encode())) {
            LOG.warn("event {}: delivery changed by another member meanwhile; step dropped", id);
        }
    }

    /**
     * When another node orchestrated the event until now, reconciles the record with the order map
     * and notes the take-over in it; returns whether it did.
     */
    private boolean takeOver(JsonObject d, Instant now) {
        String before = d.getString("orchestrator");
        if (nodeId.equals(before)) {
            return false;
        }
        DeliveryResumption.Outcome o = resumption.resume(d, now);
        d.put("orchestrator", nodeId);
        JsonArray log = d.getJsonArray("takeOvers", new JsonArray());
        d.put(
                "takeOvers",
                log.add(
                        o.json()
                                .put("at", now.toString())
                                .put("from", before)
                                .put("to", nodeId)
                                .put("lastLoopAt", d.getString("lastLoopAt"))));
        LOG.info(
                "event {}: taken over from {} ({} orders adopted, {} issued again)",
                d.getString("eventId"),
                before,
                o.adopted(),
                o.reissued());
        return true;
    }

    private JsonObject dispatchNew(EventRequest e, Instant now) {
        long t0 = System.nanoTime();
        List<SiteView> sites = fleet.sites(Presence.ONLINE, null, 0, MAX_SITES).sites();
        JsonObject d = planner().plan(e, sites, this::historyOf, now);
        long planned = System.nanoTime();
        List<JsonObject> parts = new ArrayList<>();
        d.getJsonObject("sites").forEach(s -> parts.add((JsonObject) s.getValue()));
        // a member that planned this event and died before recording the plan may have sent
        // revision 1 already: go above what the sites hold
        resumption.alignRevisions(parts);
        int sent = issueAll(d, parts, now);
        long done = System.nanoTime();
        d.put("planMs", (planned - t0) / 1e6).put("ordersSentMs", (done - t0) / 1e6);
        recordBids(e, parts, now);
        LOG.info(
                "event {}: {} kW committed, {} orders sent in {} ms ({} ms planning), {} moves",
                e.id(),
                e.reductionKw(),
                sent,
                Math.round((done - t0) / 1e6),
                Math.round((planned - t0) / 1e6),
                d.getJsonArray("moves").size());
        return d;
    }

    /** Issues the next revision of each part's order and waits for all; returns how many went. */
    int issueAll(JsonObject d, List<JsonObject> parts, Instant now) {
        Instant from = Instant.parse(d.getString("ordersFrom"));
        Instant end = Instant.parse(d.getString("end"));
        return issueAll(d.getString("eventId"), parts, now, from, end);
    }

    private int issueAll(
            String eventId, List<JsonObject> parts, Instant now, Instant from, Instant end) {
        List<DispatchOrder> orders = new ArrayList<>();
        for (JsonObject s : parts) {
            int rev = s.getInteger("revision");
            s.put("revision", rev + 1);
            DispatchOrder o = SiteOrders.order(eventId, s, now, from, end);
            if (o == null) {
                s.put("revision", rev);
                continue;
            }
            orders.add(o);
        }
        return send(eventId, orders);
    }

    /** Issues the orders and waits for all; returns how many went. */
    private int send(String eventId, List<DispatchOrder> orders) {
        List<CompletableFuture<?>> pending = new ArrayList<>();
        for (DispatchOrder o : orders) {
            pending.add(
                    dispatch.issue(o)
                            .toCompletableFuture()
                            .exceptionally(
                                    x -> {
                                        LOG.warn("order {} not issued: {}", o.id(), x.toString());
                                        return null;
                                    }));
        }
        try {
            CompletableFuture.allOf(pending.toArray(new CompletableFuture[0]))
                    .get(ISSUE_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (Exception x) {
            LOG.warn("event {}: orders still pending: {}", eventId, x.toString());
        }
        return pending.size();
    }

    private void recordBids(EventRequest e, List<JsonObject> parts, Instant now) {
        if (ledger == null) {
            return;
        }
        for (JsonObject s : parts) {
            double kw = SiteOrders.orderedKw(s);
            if (s.getBoolean("inEventZone") && kw > 0) {
                ledger.recordBid(
                        new io.gridshift.storage.ledger.Bid(
                                EventId.of(e.id()), SiteId.of(s.getString("site")), kw, now));
            }
        }
    }

    private boolean loopDue(JsonObject d, Instant now) {
        String last = d.getString("lastLoopAt");
        return last == null || !now.isBefore(Instant.parse(last).plus(options.loopPeriod()));
    }

    private void track(JsonObject d, EventRequest e, Instant now) {
        ReboundOrders.accrue(d, now); // at the kW ordered until now, before the loop changes them
        List<JsonObject> changed = loop.step(d, e, now, new ClusterReadings(fleet, dispatch));
        for (JsonObject p : IntervalSteps.step(d, e, now, options.loopPeriod())) {
            if (!changed.contains(p)) {
                changed.add(p);
            }
        }
        d.put("lastLoopAt", now.toString()).put("status", "ACTIVE");
        List<JsonObject> ending = new ArrayList<>();
        changed.removeIf(p -> p.getBoolean("endNow", false) && ending.add(p));
        issueAll(d, changed, now);
        if (!ending.isEmpty()) {
            // receivers of moves their sources refused, with nothing else to do: ended now
            Instant from = Instant.parse(d.getString("ordersFrom"));
            issueAll(
                    d.getString("eventId"),
                    ending,
                    now,
                    from.isAfter(now) ? now : from,
                    now.plusSeconds(1));
            ending.forEach(p -> p.remove("endNow"));
            ending.forEach(p -> p.put("ended", now.toString()));
        }
        if (ReboundOrders.due(d, now, reboundLead())) {
            sendRebound(d, e.end(), now);
        }
    }

    /**
     * How long before the event's end its rebound orders go out: two loop steps and at least 30 s,
     * so that each site holds its limit when its event order ends by its own clock.
     */
    private Duration reboundLead() {
        Duration twoSteps = options.loopPeriod().multipliedBy(2);
        Duration least = Duration.ofSeconds(30);
        return twoSteps.compareTo(least) > 0 ? twoSteps : least;
    }

    /**
     * Sends each site that owes energy its rebound limit from {@code from} ({@link ReboundOrders}),
     * planned on the fleet's baseline: its online sites' envelopes.
     */
    private void sendRebound(JsonObject d, Instant from, Instant now) {
        double baselineKw = 0;
        for (SiteView v : fleet.sites(Presence.ONLINE, null, 0, MAX_SITES).sites()) {
            baselineKw += v.envelope() == null ? 0 : v.envelope().baselineKw();
        }
        List<DispatchOrder> orders = rebound.orders(d, baselineKw, from, now);
        int sent = send(d.getString("eventId"), orders);
        JsonObject r = d.getJsonObject("rebound").getJsonObject("dispatched");
        LOG.info(
                "event {}: rebound limits sent to {} sites from {}: {} kWh owed, back within {}"
                        + " steps of {} (fleet at most {} x its baseline)",
                d.getString("eventId"),
                sent,
                from,
                Math.round(r.getDouble("owedKwh")),
                r.getInteger("intervalsUsed"),
                ReboundOrders.STEP,
                rebound.peakFactor());
    }

    private void revise(JsonObject d, EventRequest e, Instant now) {
        ReboundOrders.accrue(d, now);
        ReboundOrders.reopen(d); // sent again, from the new end, when it is near
        IntervalSteps.drop(d); // planned for the old commitments
        d.put("modificationNumber", e.modification())
                .put("start", e.start().toString())
                .put("end", e.end().toString())
                .put("commitmentKw", new JsonArray(e.reductionKw()));
        Instant from = planner().orderStart(e, now);
        d.put("ordersFrom", from.toString());
        List<JsonObject> live = liveParts(d);
        issueAll(d, live, now);
        LOG.info(
                "event {} modified ({}): {} orders revised", e.id(), e.modification(), live.size());
    }

    /** The parts whose order was sent and is still running: not lost, not ended. */
    private static List<JsonObject> liveParts(JsonObject d) {
        List<JsonObject> live = new ArrayList<>();
        d.getJsonObject("sites")
                .forEach(
                        s -> {
                            JsonObject p = (JsonObject) s.getValue();
                            if (p.getInteger("revision") > 0
                                    && !p.getBoolean("lost")
                                    && !p.containsKey("ended")) {
                                live.add(p);
                            }
                        });
        return live;
    }

    /** Ends every order now (a revision that ends a second from now) and closes the delivery. */
    private void end(JsonObject d, Instant now, String status) {
        List<JsonObject> live = liveParts(d);
        Instant from = Instant.parse(d.getString("ordersFrom"));
        boolean started = !from.isAfter(now);
        if (!started) {
            from = now;
        }
        issueAll(d.getString("eventId"), live, now, from, now.plusSeconds(1));
        if (started) {
            // what was shed until the cancellation comes back as after an end
            sendRebound(d, now.plusSeconds(1), now);
        }
        d.put("status", status).put("endedAt", now.toString());
        LOG.info("event {} {}: {} orders ended", d.getString("eventId"), status, live.size());
    }

    private void complete(JsonObject d, Instant now) {
        if (!ReboundOrders.sent(d)) {
            // no loop step came within the lead (a take-over, a stall): late is better than none
            Instant end = Instant.parse(d.getString("end"));
            sendRebound(d, now.isAfter(end) ? now : end, now);
        }
        d.put("status", "COMPLETED");
        d.getJsonObject("sites")
                .forEach(
                        s -> {
                            JsonObject p = (JsonObject) s.getValue();
                            JsonArray ratios = p.getJsonArray("ratios");
                            if (!p.getBoolean("inEventZone") || p.getInteger("revision") == 0) {
                                return;
                            }
                            double r = 0;
                            for (Object o : ratios) {
                                r += ((Number) o).doubleValue();
                            }
                            double ratio =
                                    p.getBoolean("lost") || ratios.isEmpty()
                                            ? 0
                                            : r / ratios.size();
                            appendHistory(p.getString("site"), Math.min(10, ratio));
                        });
        LOG.info("event {} completed", d.getString("eventId"));
    }

    private void appendHistory(String site, double ratio) {
        String text = history.get(site);
        JsonArray ratios = text == null ? new JsonArray() : new JsonArray(text);
        ratios.add(ratio);
        while (ratios.size() > DeliveryHistory.MAX_SAMPLES) {
            ratios.remove(0);
        }
        history.set(site, ratios.encode());
    }

    private DeliveryPlanner planner() {
        if (planner == null) {
            planner = planners.get();
        }
        return planner;
    }

    /** A site's delivery ratios from earlier events (blocking). */
    public DeliveryHistory historyOf(SiteId site) {
        String text = history.get(site.value());
        if (text == null) {
            return DeliveryHistory.none();
        }
        List<Double> ratios = new ArrayList<>();
        new JsonArray(text).forEach(o -> ratios.add(((Number) o).doubleValue()));
        return new DeliveryHistory(ratios);
    }
}
