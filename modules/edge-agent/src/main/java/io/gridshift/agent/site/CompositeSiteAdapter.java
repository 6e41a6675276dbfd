package io.gridshift.agent.site;

import io.gridshift.domain.dispatch.DispatchAction;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.flex.FlexEnvelope;
import io.gridshift.domain.flex.FlexResource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several adapters that make one site, e.g. the facility's meters and plant plus GPU power caps
 * plus Kubernetes workloads.
 *
 * <p>The first adapter is the <em>facility</em> adapter. {@link #read} is its reading as it is: it
 * meters the whole facility, so the IT load it reports already contains the load the other adapters
 * act on (adding theirs would count it twice). {@link #envelope} takes baseline, zone and hosting
 * capacity from it and the resources of every adapter.
 *
 * <p>Resource ids must be unique across the adapters; they are not renamed (the aggregator and the
 * orders keep the ids the adapters chose). A resource id offered by two adapters is refused: {@link
 * #envelope} fails naming it, and an order for it is never applied. Which adapter owns a resource
 * is learnt from their envelopes (asked again when an order names a resource not yet seen).
 *
 * <p>Orders are split: each {@code Reduce} goes to the adapter that owns its resource; migrations
 * (jobs, not resources) go to the facility adapter. {@link #apply} is all or nothing across
 * adapters: when one fails, those already applied are reverted and the failure is thrown. {@link
 * #revert} goes to every adapter, even when one throws (the first failure is thrown at the end, the
 * others ride on it as suppressed): an adapter with no part in the order gets the whole order,
 * which it ignores unless it holds an earlier revision of it (adapters revert by order id).
 */
public final class CompositeSiteAdapter implements SiteAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(CompositeSiteAdapter.class);
    private static final Duration PROBE = Duration.ofSeconds(1);

    private final List<SiteAdapter> adapters;
    private final Map<String, Integer> owners = new HashMap<>();

    /**
     * @param adapters at least one; the first is the facility adapter
     */
    public CompositeSiteAdapter(List<SiteAdapter> adapters) {
        if (adapters.isEmpty()) {
            throw new IllegalArgumentException("a site needs at least one adapter");
        }
        this.adapters = List.copyOf(adapters);
    }

    public List<SiteAdapter> adapters() {
        return adapters;
    }

    @Override
    public SiteReading read(Instant now) {
        return adapters.get(0).read(now);
    }

    @Override
    public synchronized FlexEnvelope envelope(Instant now, Duration validity) {
        FlexEnvelope facility = adapters.get(0).envelope(now, validity);
        Map<String, Integer> seen = new HashMap<>();
        List<FlexResource> resources = new ArrayList<>();
        for (int i = 0; i < adapters.size(); i++) {
            FlexEnvelope e = i == 0 ? facility : adapters.get(i).envelope(now, validity);
            for (FlexResource r : e.resources()) {
                claim(seen, r.id(), i);
                resources.add(r);
            }
        }
        owners.putAll(seen);
        return new FlexEnvelope(
                facility.site(),
                facility.ts(),
                facility.validUntil(),
                facility.zone(),
                facility.baselineKw(),
                facility.hostingCapacityKw(),
                resources);
    }

    private void claim(Map<String, Integer> seen, String id, int adapter) {
        Integer before = seen.putIfAbsent(id, adapter);
        if (before != null && before != adapter) {
            throw new GridshiftException(
                    ErrorKind.CONFLICT,
                    "duplicate_resource",
                    String.format(
                            "resource '%s' is offered by adapter %d (%s) and adapter %d (%s);"
                                    + " resource ids must be unique across a site's adapters",
                            id,
                            before,
                            adapters.get(before).getClass().getSimpleName(),
                            adapter,
                            adapters.get(adapter).getClass().getSimpleName()));
        }
    }

    @Override
    public synchronized Optional<String> check(DispatchOrder order, Instant now) {
        Map<Integer, DispatchOrder> parts;
        try {
            parts = split(order, now);
        } catch (GridshiftException e) {
            return Optional.of(e.getMessage());
        }
        for (Map.Entry<Integer, DispatchOrder> part : parts.entrySet()) {
            Optional<String> why = adapters.get(part.getKey()).check(part.getValue(), now);
            if (why.isPresent()) {
                return why;
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized void apply(DispatchOrder order, Instant now) {
        Map<Integer, DispatchOrder> parts = split(order, now);
        // An earlier revision may hold an adapter this one no longer uses: release it first.
        for (int i = 0; i < adapters.size(); i++) {
            if (!parts.containsKey(i)) {
                adapters.get(i).revert(order, now);
            }
        }
        List<Integer> done = new ArrayList<>();
        for (Map.Entry<Integer, DispatchOrder> part : parts.entrySet()) {
            try {
                adapters.get(part.getKey()).apply(part.getValue(), now);
                done.add(part.getKey());
            } catch (RuntimeException e) {
                for (int k = done.size() - 1; k >= 0; k--) {
                    int i = done.get(k);
                    try {
                        adapters.get(i).revert(parts.get(i), now);
                    } catch (RuntimeException undo) {
                        e.addSuppressed(undo);
                    }
                }
                LOG.warn(
                        "Order {} failed on adapter {}; {} other adapter(s) reverted",
                        order.id(),
                        part.getKey(),
                        done.size());
                throw e;
            }
        }
    }

    @Override
    public synchronized void revert(DispatchOrder order, Instant now) {
        Map<Integer, DispatchOrder> parts = splitKnown(order);
        RuntimeException first = null;
        for (int i = 0; i < adapters.size(); i++) {
            try {
                adapters.get(i).revert(parts.getOrDefault(i, order), now);
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public synchronized double achievedKw(DispatchOrder order, Instant now) {
        double kw = 0;
        for (Map.Entry<Integer, DispatchOrder> part : splitKnown(order).entrySet()) {
            kw += adapters.get(part.getKey()).achievedKw(part.getValue(), now);
        }
        return kw;
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (int i = adapters.size() - 1; i >= 0; i--) {
            try {
                adapters.get(i).close();
            } catch (Exception e) {
                RuntimeException r =
                        e instanceof RuntimeException re ? re : new IllegalStateException(e);
                if (first == null) {
                    first = r;
                } else {
                    first.addSuppressed(r);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** The order's actions by adapter, in adapter order; an unknown resource fails. */
    private Map<Integer, DispatchOrder> split(DispatchOrder order, Instant now) {
        for (DispatchAction a : order.actions()) {
            String r = resourceOf(a);
            if (r != null && !owners.containsKey(r)) {
                learn(now);
                break;
            }
        }
        for (DispatchAction a : order.actions()) {
            String r = resourceOf(a);
            if (r != null && !owners.containsKey(r)) {
                throw new GridshiftException(
                        ErrorKind.CONFLICT,
                        "adapter_refused",
                        "unknown resource '" + r + "': no adapter of this site has it");
            }
        }
        return splitKnown(order);
    }

    /**
     * The resource an action acts on (a reduction or a rebound limit), routed to the adapter that
     * owns it; {@code null} for a migration, which goes to the first adapter.
     */
    private static String resourceOf(DispatchAction a) {
        if (a instanceof DispatchAction.Reduce r) {
            return r.resource();
        }
        return a instanceof DispatchAction.LimitRebound l ? l.resource() : null;
    }

    /** The split with what is known; actions on unknown resources are left out. */
    private Map<Integer, DispatchOrder> splitKnown(DispatchOrder order) {
        Map<Integer, List<DispatchAction>> byAdapter = new LinkedHashMap<>();
        for (DispatchAction a : order.actions()) {
            String r = resourceOf(a);
            // not "r != null ? owners.get(r) : 0": that unboxes a missing owner and throws
            Integer owner = r == null ? Integer.valueOf(0) : owners.get(r);
            if (owner != null) {
                byAdapter.computeIfAbsent(owner, k -> new ArrayList<>()).add(a);
            }
        }
        Map<Integer, DispatchOrder> parts = new TreeMap<>();
        byAdapter.forEach((i, actions) -> parts.put(i, part(order, actions)));
        return parts;
    }

    private static DispatchOrder part(DispatchOrder order, List<DispatchAction> actions) {
        return new DispatchOrder(
                order.id(),
                order.revision(),
                order.eventId(),
                order.site(),
                order.issuedAt(),
                order.start(),
                order.end(),
                actions);
    }

    /** Asks every adapter for its resources; one that cannot answer now is skipped. */
    private void learn(Instant now) {
        Map<String, Integer> seen = new HashMap<>(owners);
        for (int i = 0; i < adapters.size(); i++) {
            try {
                for (FlexResource r : adapters.get(i).envelope(now, PROBE).resources()) {
                    claim(seen, r.id(), i);
                }
            } catch (GridshiftException e) {
                if ("duplicate_resource".equals(e.reason())) {
                    throw e;
                }
                LOG.warn("Adapter {} cannot list its resources now: {}", i, e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("Adapter {} cannot list its resources now: {}", i, e.toString());
            }
        }
        owners.putAll(seen);
    }
}
