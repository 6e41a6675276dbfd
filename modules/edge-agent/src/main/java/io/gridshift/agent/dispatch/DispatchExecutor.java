package io.gridshift.agent.dispatch;

import io.gridshift.agent.site.SiteAdapter;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.site.SiteId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out dispatch orders at one site: checks each order as a whole, writes it ahead to the
 * {@link OrderStore}, applies it at its start, re-acks it with the achieved kW while it runs, and
 * reverts it at its end by the agent's own clock, whether or not the aggregator is still there.
 *
 * <p>Time comes only from the caller: {@link #onOrder} when an order arrives, {@link #tick} from
 * the agent's scheduler (periodically and at {@link #nextDeadline()}). An action reverts on the
 * first tick at or after its order's end. Call {@link #recover} once before anything else.
 *
 * <p>Idempotent by (dispatchId, revision): a revision is applied once and every copy is re-acked
 * with its current status; a lower revision is refused as stale; a copy with different content as
 * replayed. A higher revision replaces the current one only when it passes every check.
 * Thread-safe: every entry point holds the executor's lock, so acks leave in the order things
 * happened.
 */
public final class DispatchExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(DispatchExecutor.class);

    private final SiteId site;
    private final SiteAdapter adapter;
    private final OrderStore store;
    private final AckPublisher acks;
    private final DispatchOptions options;
    private final OrderValidator validator;

    /** Latest revision per order; insertion order keeps ticks deterministic. */
    private final Map<DispatchId, OrderRecord> orders = new LinkedHashMap<>();

    private final Map<DispatchId, Instant> nextActiveAck = new HashMap<>();
    private final Map<String, Long> failures = new TreeMap<>();
    private boolean recovered;

    public DispatchExecutor(
            SiteId site,
            SiteAdapter adapter,
            OrderStore store,
            AckSink acks,
            DispatchOptions options) {
        this.site = Objects.requireNonNull(site, "site");
        this.adapter = Objects.requireNonNull(adapter, "adapter");
        this.store = Objects.requireNonNull(store, "store");
        this.acks = new AckPublisher(site, adapter, Objects.requireNonNull(acks, "acks"));
        this.options = Objects.requireNonNull(options, "options");
        this.validator = new OrderValidator(site, adapter, options.horizon());
    }

    /**
     * Loads the orders written ahead before a restart and reconciles them with {@code now}: one
     * whose end passed while the agent was down is reverted and acked COMPLETED, an active one is
     * applied again, an accepted one waits for its start.
     */
    public synchronized void recover(Instant now) {
        if (recovered) {
            throw new IllegalStateException("recover runs once, at start");
        }
        recovered = true;
        List<OrderRecord> loaded = new ArrayList<>(store.loadAll());
        loaded.sort(
                Comparator.comparing((OrderRecord r) -> r.order().start())
                        .thenComparing(r -> r.order().id().value()));
        for (OrderRecord record : loaded) {
            if (record.order().site().equals(site)) {
                orders.put(record.order().id(), record);
            } else {
                LOG.warn(
                        "Ignoring stored order {} of site {}",
                        record.order().id(),
                        record.order().site());
            }
        }
        LOG.info("Recovered {} stored orders", orders.size());
        for (OrderRecord record : List.copyOf(orders.values())) {
            advance(record, now, true);
        }
    }

    /** Handles one received order (or a copy of one); answers through the ack sink. */
    public synchronized void onOrder(DispatchOrder order, Instant now) {
        requireRecovered();
        OrderRecord current = orders.get(order.id());
        Optional<Rejection> refusal = validator.checkIdentity(order, current);
        if (refusal.isEmpty() && current != null && order.equals(current.order())) {
            reack(current, now);
            return;
        }
        if (refusal.isEmpty()) {
            refusal = validator.validate(order, current == null ? null : current.order(), now);
        }
        if (refusal.isPresent()) {
            acks.reject(order, refusal.get(), now);
            return;
        }
        accept(order, current, now);
    }

    /** Starts orders whose start came, reverts those whose end came, re-acks running ones. */
    public synchronized void tick(Instant now) {
        requireRecovered();
        for (OrderRecord record : List.copyOf(orders.values())) {
            advance(record, now, false);
        }
    }

    /**
     * The next start or end of a held order, so that the agent can tick exactly then; empty when
     * nothing waits. Periodic re-acks and revert retries ride on the agent's regular ticks.
     */
    public synchronized Optional<Instant> nextDeadline() {
        Instant next = null;
        for (OrderRecord record : orders.values()) {
            Instant due =
                    switch (record.state()) {
                        case ACCEPTED -> record.order().start();
                        case ACTIVE -> record.order().end();
                        default -> null;
                    };
            if (due != null && (next == null || due.isBefore(next))) {
                next = due;
            }
        }
        return Optional.ofNullable(next);
    }

    /** The latest revision held for {@code id} and its state. */
    public synchronized Optional<OrderRecord> order(DispatchId id) {
        return Optional.ofNullable(orders.get(id));
    }

    /** Every order held, including finished ones still within their retention. */
    public synchronized List<OrderRecord> orders() {
        return List.copyOf(orders.values());
    }

    /** Refused orders so far, by {@link RejectReason#code()}. */
    public synchronized Map<String, Long> rejections() {
        return acks.rejections();
    }

    /** Failures so far, by code: {@code apply_failed}, {@code revert_failed}. */
    public synchronized Map<String, Long> failures() {
        return Map.copyOf(failures);
    }

    private void accept(DispatchOrder order, OrderRecord previous, Instant now) {
        boolean previousApplied = previous != null && isApplied(previous.state());
        if (previousApplied) {
            // The new revision replaces the old one as a whole: undo the old actions first, so
            // that nothing of it outlives the replacement, even if the agent crashes right here.
            try {
                adapter.revert(previous.order(), now);
            } catch (RuntimeException e) {
                if (previous.state() == OrderState.ACTIVE) {
                    revertFailed(previous, e, now);
                }
                reject(
                        order,
                        RejectReason.ADAPTER_ERROR,
                        "cannot undo revision "
                                + previous.order().revision()
                                + ": "
                                + AckReasons.describe(e),
                        now);
                return;
            }
        }
        OrderRecord accepted = OrderRecord.accepted(order);
        try {
            store.save(accepted);
        } catch (GridshiftException e) {
            LOG.error("Cannot write order {} ahead: {}", order.id(), e.getMessage());
            if (previousApplied) {
                settle(
                        previous.with(
                                OrderState.FAILED,
                                AckReasons.of(
                                        "store_unavailable",
                                        "reverted early, the replacing revision could not be stored")),
                        now);
            }
            reject(order, RejectReason.STORE_UNAVAILABLE, e.getMessage(), now);
            return;
        }
        orders.put(order.id(), accepted);
        nextActiveAck.remove(order.id());
        LOG.info("Accepted order {} for {} .. {}", label(order), order.start(), order.end());
        acks.state(order, OrderState.ACCEPTED, null, now);
        if (!now.isBefore(order.start())) {
            activate(accepted, now);
        }
    }

    private void advance(OrderRecord record, Instant now, boolean restarted) {
        DispatchOrder order = record.order();
        boolean ended = !now.isBefore(order.end());
        switch (record.state()) {
            case ACCEPTED -> {
                if (ended) {
                    complete(record, now);
                } else if (!now.isBefore(order.start())) {
                    activate(record, now);
                }
            }
            case ACTIVE -> {
                if (ended) {
                    complete(record, now);
                } else if (restarted) {
                    reapply(record, now);
                } else if (!now.isBefore(nextActiveAck.getOrDefault(order.id(), now))) {
                    ackActive(order, now);
                }
            }
            case REVERT_PENDING -> retryRevert(record, now);
            case COMPLETED, FAILED -> {
                if (!now.isBefore(order.end().plus(options.retention()))) {
                    forget(record);
                }
            }
            default -> throw new IllegalStateException("unknown state " + record.state());
        }
    }

    private void activate(OrderRecord record, Instant now) {
        try {
            adapter.apply(record.order(), now);
        } catch (RuntimeException e) {
            applyFailed(record, e, now);
            return;
        }
        OrderRecord active = record.with(OrderState.ACTIVE);
        orders.put(active.order().id(), active);
        persist(active);
        LOG.info("Order {} is active", label(active.order()));
        ackActive(active.order(), now);
    }

    /**
     * After a restart the site may or may not still hold the actions (a simulated site forgets, a
     * real one may not), and {@code apply} is not promised to be idempotent; revert is, so a revert
     * first makes the second apply start from a known state.
     */
    private void reapply(OrderRecord record, Instant now) {
        try {
            adapter.revert(record.order(), now);
        } catch (RuntimeException e) {
            revertFailed(record, e, now);
            return;
        }
        activate(record, now);
    }

    private void complete(OrderRecord record, Instant now) {
        try {
            adapter.revert(record.order(), now);
        } catch (RuntimeException e) {
            revertFailed(record, e, now);
            return;
        }
        LOG.info("Order {} completed and reverted", label(record.order()));
        settle(record.with(OrderState.COMPLETED), now);
    }

    private void applyFailed(OrderRecord record, RuntimeException e, Instant now) {
        count(failures, "apply_failed");
        String reason = AckReasons.of("apply_failed", AckReasons.describe(e));
        LOG.warn("Order {} failed to apply: {}", label(record.order()), e.toString());
        try {
            // The adapter promises all-or-nothing; revert anyway so nothing half-applied stays.
            adapter.revert(record.order(), now);
        } catch (RuntimeException revertError) {
            count(failures, "revert_failed");
            LOG.error("Order {} cannot revert either", label(record.order()), revertError);
            settle(record.with(OrderState.REVERT_PENDING, reason), now);
            return;
        }
        settle(record.with(OrderState.FAILED, reason), now);
    }

    private void revertFailed(OrderRecord record, RuntimeException e, Instant now) {
        count(failures, "revert_failed");
        LOG.error("Order {} cannot revert; retrying on every tick", label(record.order()), e);
        settle(
                record.with(
                        OrderState.REVERT_PENDING,
                        AckReasons.of("revert_failed", AckReasons.describe(e))),
                now);
    }

    private void retryRevert(OrderRecord record, Instant now) {
        try {
            adapter.revert(record.order(), now);
        } catch (RuntimeException e) {
            LOG.debug("Revert of order {} still failing: {}", record.order().id(), e.toString());
            return;
        }
        LOG.info("Order {} reverted after all", label(record.order()));
        // FAILED was acked already and is final for this revision: record the outcome, no new ack.
        OrderRecord failed = record.with(OrderState.FAILED, record.reason());
        orders.put(failed.order().id(), failed);
        persist(failed);
    }

    /** Records a new state, persists it and acks it. */
    private void settle(OrderRecord record, Instant now) {
        orders.put(record.order().id(), record);
        nextActiveAck.remove(record.order().id());
        persist(record);
        acks.state(record.order(), record.state(), record.reason(), now);
    }

    private void forget(OrderRecord record) {
        orders.remove(record.order().id());
        nextActiveAck.remove(record.order().id());
        try {
            store.delete(record.order().id());
        } catch (GridshiftException e) {
            LOG.warn("Cannot delete finished order {}: {}", record.order().id(), e.getMessage());
        }
    }

    /** The action already happened at the site; a failed write must not undo that decision. */
    private void persist(OrderRecord record) {
        try {
            store.save(record);
        } catch (GridshiftException e) {
            LOG.error(
                    "Cannot persist {} as {}: {}",
                    label(record.order()),
                    record.state(),
                    e.toString());
        }
    }

    private void reack(OrderRecord record, Instant now) {
        acks.state(record.order(), record.state(), record.reason(), now);
    }

    private void ackActive(DispatchOrder order, Instant now) {
        nextActiveAck.put(order.id(), now.plus(options.activeAckPeriod()));
        acks.active(order, now);
    }

    private void reject(DispatchOrder order, RejectReason reason, String message, Instant now) {
        acks.reject(order, new Rejection(reason, message), now);
    }

    private static String label(DispatchOrder order) {
        return order.id() + "#" + order.revision();
    }

    private static boolean isApplied(OrderState state) {
        return state == OrderState.ACTIVE || state == OrderState.REVERT_PENDING;
    }

    private static void count(Map<String, Long> counters, String code) {
        counters.merge(code, 1L, Long::sum);
    }

    private void requireRecovered() {
        if (!recovered) {
            throw new IllegalStateException("call recover(now) before the first order or tick");
        }
    }
}
