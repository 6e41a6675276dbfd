package io.gridshift.agent.dispatch;

import io.gridshift.agent.site.SiteAdapter;
import io.gridshift.domain.Check;
import io.gridshift.domain.dispatch.Ack;
import io.gridshift.domain.dispatch.AckStatus;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.site.SiteId;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the executor's acks, measures what active orders achieve and counts refusals. Not
 * thread-safe: the executor calls it under its own lock.
 */
final class AckPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(AckPublisher.class);

    private final SiteId site;
    private final SiteAdapter adapter;
    private final AckSink sink;
    private final Map<String, Long> rejections = new TreeMap<>();

    AckPublisher(SiteId site, SiteAdapter adapter, AckSink sink) {
        this.site = site;
        this.adapter = adapter;
        this.sink = sink;
    }

    void reject(DispatchOrder order, Rejection rejection, Instant now) {
        rejections.merge(rejection.reason().code(), 1L, Long::sum);
        LOG.info(
                "Rejected order {} revision {}: {}",
                order.id(),
                order.revision(),
                rejection.ackReason());
        send(order, AckStatus.REJECTED, rejection.ackReason(), null, now);
    }

    /** Acks ACTIVE with the reduction measured now. */
    void active(DispatchOrder order, Instant now) {
        send(order, AckStatus.ACTIVE, null, measure(order, now), now);
    }

    /** Acks a state without a measurement. */
    void state(DispatchOrder order, OrderState state, String reason, Instant now) {
        if (state == OrderState.ACTIVE) {
            active(order, now);
        } else {
            send(order, state.ackStatus(), reason, null, now);
        }
    }

    Map<String, Long> rejections() {
        return Map.copyOf(rejections);
    }

    private void send(
            DispatchOrder order, AckStatus status, String reason, Double achievedKw, Instant now) {
        Ack ack = new Ack(order.id(), order.revision(), site, status, reason, achievedKw, now);
        try {
            sink.send(ack);
        } catch (RuntimeException e) {
            // The transport's trouble must not undo what happened at the site; copies are re-acked.
            LOG.warn("Ack sink failed for {} {}: {}", order.id(), status, e.toString());
        }
    }

    /** What the adapter measures, within what an ack may carry; unknown when it cannot say. */
    private Double measure(DispatchOrder order, Instant now) {
        try {
            double kw = adapter.achievedKw(order, now);
            return Double.isFinite(kw)
                    ? Math.max(-Check.MAX_SITE_KW, Math.min(Check.MAX_SITE_KW, kw))
                    : null;
        } catch (RuntimeException e) {
            LOG.debug("Cannot measure order {}: {}", order.id(), e.toString());
            return null;
        }
    }
}
