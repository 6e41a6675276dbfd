package io.gridshift.aggregator.event;

import io.gridshift.aggregator.dispatch.DispatchService;
import io.gridshift.aggregator.dispatch.DispatchView;
import io.gridshift.domain.dispatch.DispatchAction;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings an event's delivery record in line with the orders the cluster tracks when a member takes
 * an event over from one that died. The orchestrator writes the record after it issues a step's
 * orders, so a member that dies in between leaves orders newer than the record: the order map
 * ({@code gridshift.dispatches}, one synchronous backup) is the truth for what each site was sent.
 * No order is sent twice at the same revision (the agent would only re-ack it) and none is lost:
 *
 * <ul>
 *   <li>the map holds a <em>higher</em> revision than the record: the record adopts it (revision
 *       and reduction kW), so the next revision goes above it;
 *   <li>the map holds a <em>lower</em> one or none while the record says the part was ordered (the
 *       order's entry and its backup were both lost): the record's revision is issued again, once.
 * </ul>
 */
final class DeliveryResumption {
    private static final Logger LOG = LoggerFactory.getLogger(DeliveryResumption.class);
    private static final long READ_TIMEOUT_S = 30;

    private final DispatchService dispatch;

    DeliveryResumption(DispatchService dispatch) {
        this.dispatch = dispatch;
    }

    /** What the reconciliation did, for the record and the log. */
    record Outcome(int adopted, int reissued) {
        JsonObject json() {
            return new JsonObject().put("adopted", adopted).put("reissued", reissued);
        }
    }

    /**
     * Raises each part's revision to what the order map holds (a member that planned the event and
     * died before recording it already sent revision 1): the next issue is a new revision, sent
     * deliberately, never a conflicting copy of one a site holds. Blocking.
     */
    int alignRevisions(List<JsonObject> parts) {
        int raised = 0;
        List<Optional<DispatchView>> stored = read(parts);
        for (int i = 0; i < parts.size(); i++) {
            JsonObject p = parts.get(i);
            int have = stored.get(i).map(v -> v.order().revision()).orElse(0);
            if (have > p.getInteger("revision")) {
                p.put("revision", have);
                raised++;
            }
        }
        return raised;
    }

    /** Reconciles every ordered part of {@code d} with the order map; blocking. */
    Outcome resume(JsonObject d, Instant now) {
        List<JsonObject> parts = new ArrayList<>();
        d.getJsonObject("sites")
                .forEach(
                        s -> {
                            JsonObject p = (JsonObject) s.getValue();
                            if (p.getInteger("revision") > 0) {
                                parts.add(p);
                            }
                        });
        List<Optional<DispatchView>> stored = read(parts);
        Instant from = Instant.parse(d.getString("ordersFrom"));
        Instant end = Instant.parse(d.getString(d.containsKey("endedAt") ? "endedAt" : "end"));
        List<CompletableFuture<?>> pending = new ArrayList<>();
        int adopted = 0;
        for (int i = 0; i < parts.size(); i++) {
            JsonObject p = parts.get(i);
            int rev = p.getInteger("revision");
            DispatchOrder have = stored.get(i).map(DispatchView::order).orElse(null);
            if (have != null && have.revision() > rev) {
                adopt(p, have);
                adopted++;
            } else if ((have == null || have.revision() < rev) && !p.getBoolean("lost", false)) {
                DispatchOrder o = SiteOrders.order(d.getString("eventId"), p, now, from, end);
                if (o != null) {
                    pending.add(dispatch.issue(o).toCompletableFuture());
                }
            }
        }
        await(pending, d.getString("eventId"));
        return new Outcome(adopted, pending.size());
    }

    /** The record takes the revision the site was sent and the kW it asks of each resource. */
    private static void adopt(JsonObject p, DispatchOrder have) {
        p.put("revision", have.revision());
        JsonObject reduce = p.getJsonObject("reduceKw");
        for (String r : reduce.fieldNames()) {
            reduce.put(r, 0.0);
        }
        for (DispatchAction a : have.actions()) {
            if (a instanceof DispatchAction.Reduce r) {
                reduce.put(r.resource(), r.reductionKw());
            }
        }
    }

    private List<Optional<DispatchView>> read(List<JsonObject> parts) {
        List<CompletableFuture<Optional<DispatchView>>> reads = new ArrayList<>();
        for (JsonObject p : parts) {
            reads.add(dispatch.get(DispatchId.of(p.getString("orderId"))).toCompletableFuture());
        }
        List<Optional<DispatchView>> out = new ArrayList<>();
        for (CompletableFuture<Optional<DispatchView>> r : reads) {
            try {
                out.add(r.get(READ_TIMEOUT_S, TimeUnit.SECONDS));
            } catch (Exception e) {
                throw new IllegalStateException("order map not readable: " + e, e);
            }
        }
        return out;
    }

    private static void await(List<CompletableFuture<?>> pending, String eventId) {
        try {
            CompletableFuture.allOf(pending.toArray(new CompletableFuture[0]))
                    .get(READ_TIMEOUT_S, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("event {}: re-issued orders still pending: {}", eventId, e.toString());
        }
    }
}
