package io.gridshift.storage;

import io.gridshift.domain.dispatch.DispatchAction;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.event.EventId;
import io.gridshift.domain.event.EventSignal;
import io.gridshift.domain.event.EventStatus;
import io.gridshift.domain.event.EventTargets;
import io.gridshift.domain.event.GridEvent;
import io.gridshift.domain.event.ResponseRequired;
import io.gridshift.domain.event.SignalInterval;
import io.gridshift.domain.event.SignalName;
import io.gridshift.domain.event.SignalType;
import io.gridshift.domain.site.SiteId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Domain values the storage tests share. */
public final class Samples {
    public static final String PROGRAM = "http://grid.example/programs/dr-capacity";

    private Samples() {}

    public static GridEvent event(String id, long modification, Instant start, Duration length) {
        return event(id, modification, start, length, EventStatus.FAR);
    }

    public static GridEvent event(
            String id, long modification, Instant start, Duration length, EventStatus status) {
        return new GridEvent(
                EventId.of(id),
                modification,
                modification == 0 ? null : "moved",
                PROGRAM,
                1,
                start.minus(Duration.ofDays(1)),
                status,
                false,
                ResponseRequired.ALWAYS,
                start,
                length,
                Duration.ZERO,
                Duration.ofHours(2),
                Duration.ofMinutes(10),
                Duration.ofMinutes(15),
                List.of(
                        new EventSignal(
                                "s1",
                                SignalName.LOAD_DISPATCH,
                                null,
                                SignalType.DELTA,
                                "kW",
                                List.of(
                                        new SignalInterval(0, length.dividedBy(2), -500),
                                        new SignalInterval(1, length.dividedBy(2), -250.5)))),
                new EventTargets(Set.of("ven-1"), Set.of("dc-a", "dc-b"), Set.of(), Set.of()));
    }

    public static DispatchOrder order(String id, int revision, String site, Instant start) {
        return new DispatchOrder(
                DispatchId.of(id),
                revision,
                EventId.of("ev-1"),
                SiteId.of(site),
                start.minus(Duration.ofMinutes(30)),
                start,
                start.plus(Duration.ofHours(1)),
                List.of(
                        new DispatchAction.Reduce("batch", 120.5 * revision),
                        new DispatchAction.MigrateOut("job-7", SiteId.of("dc-far"), 40)));
    }
}
