package io.gridshift.agent.dispatch;

import io.gridshift.domain.dispatch.DispatchAction;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.event.EventId;
import io.gridshift.domain.site.SiteId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Orders for the tests: {@code d-1} for 06:00 to 08:00 on 2026-07-01, shedding 1500 kW of batch.
 */
final class Orders {
    static final Instant NOW = Instant.parse("2026-07-01T05:00:00Z");
    static final Instant START = Instant.parse("2026-07-01T06:00:00Z");
    static final Instant END = Instant.parse("2026-07-01T08:00:00Z");
    static final List<DispatchAction> BATCH_1500 =
            List.of(new DispatchAction.Reduce("batch", 1500));

    private Orders() {}

    static DispatchOrder order(int revision) {
        return order("d-1", revision, START, END, BATCH_1500);
    }

    static DispatchOrder order(
            String id, int revision, Instant start, Instant end, List<DispatchAction> actions) {
        return order(id, revision, RecordingSiteAdapter.SITE, start, end, actions);
    }

    static DispatchOrder order(
            String id,
            int revision,
            SiteId site,
            Instant start,
            Instant end,
            List<DispatchAction> actions) {
        return new DispatchOrder(
                DispatchId.of(id),
                revision,
                EventId.of("ev-20260701-1"),
                site,
                start.minus(Duration.ofMinutes(30)),
                start,
                end,
                actions);
    }

    static DispatchOrder withActions(DispatchOrder o, List<DispatchAction> actions) {
        return new DispatchOrder(
                o.id(),
                o.revision(),
                o.eventId(),
                o.site(),
                o.issuedAt(),
                o.start(),
                o.end(),
                actions);
    }

    static DispatchOrder withWindow(DispatchOrder o, Instant start, Instant end) {
        return new DispatchOrder(
                o.id(), o.revision(), o.eventId(), o.site(), o.issuedAt(), start, end, o.actions());
    }
}
