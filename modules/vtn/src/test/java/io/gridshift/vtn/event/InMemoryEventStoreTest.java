package io.gridshift.vtn.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridshift.domain.event.EventId;
import io.gridshift.domain.event.EventSignal;
import io.gridshift.domain.event.EventStatus;
import io.gridshift.domain.event.EventTargets;
import io.gridshift.domain.event.GridEvent;
import io.gridshift.domain.event.OptType;
import io.gridshift.domain.event.ResponseRequired;
import io.gridshift.domain.event.SignalInterval;
import io.gridshift.domain.event.SignalName;
import io.gridshift.domain.event.SignalType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InMemoryEventStoreTest {
    private static final Instant NOW = Instant.parse("2025-07-15T12:00:00Z");
    private static final Instant START = Instant.parse("2025-07-16T14:00:00Z");

    private final EventStore store = new InMemoryEventStore();

    static GridEvent event(String id, ResponseRequired required, String... venIds) {
        return new GridEvent(
                EventId.of(id),
                0,
                null,
                "http://market",
                1,
                NOW,
                EventStatus.FAR,
                false,
                required,
                START,
                Duration.ofHours(1),
                null,
                null,
                null,
                null,
                List.of(
                        new EventSignal(
                                "sig-0",
                                SignalName.SIMPLE,
                                null,
                                SignalType.LEVEL,
                                null,
                                List.of(new SignalInterval(0, Duration.ofHours(1), 2)))),
                new EventTargets(Set.of(venIds), Set.of(), Set.of(), Set.of()));
    }

    @Test
    void aNewEventIsPendingOnlyForItsVens() {
        store.add(event("e1", ResponseRequired.ALWAYS, "ven-a"));

        assertThat(store.pendingFor("ven-a", NOW))
                .extracting(GridEvent::id)
                .containsExactly(EventId.of("e1"));
        assertThat(store.pendingFor("ven-b", NOW)).isEmpty();
    }

    @Test
    void anEventThatNeedsAResponseStaysPendingUntilAnswered() {
        GridEvent e = store.add(event("e1", ResponseRequired.ALWAYS, "ven-a")).event();
        store.delivered("ven-a", List.of(e));
        assertThat(store.pendingFor("ven-a", NOW)).hasSize(1);

        assertThat(store.respond("ven-a", e.id(), 0, OptType.OPT_IN, NOW))
                .isEqualTo(OptResult.RECORDED);

        assertThat(store.pendingFor("ven-a", NOW)).isEmpty();
        VenEventState state = store.get(e.id()).orElseThrow().vens().get(0);
        assertThat(state.opt()).isEqualTo(OptType.OPT_IN);
        assertThat(state.optModificationNumber()).isZero();
        assertThat(state.delivered()).isZero();
    }

    @Test
    void anEventThatNeedsNoResponseIsAcknowledgedByItsDelivery() {
        GridEvent e = store.add(event("e1", ResponseRequired.NEVER, "ven-a")).event();
        store.delivered("ven-a", List.of(e));
        assertThat(store.pendingFor("ven-a", NOW)).isEmpty();
        assertThat(store.openFor("ven-a", NOW)).hasSize(1);
    }

    @Test
    void cancellingBumpsTheModificationNumberAndMakesItPendingAgain() {
        GridEvent e = store.add(event("e1", ResponseRequired.ALWAYS, "ven-a")).event();
        store.respond("ven-a", e.id(), 0, OptType.OPT_IN, NOW);

        GridEvent cancelled = store.cancel(e.id(), "operator").orElseThrow().event();

        assertThat(cancelled.modificationNumber()).isEqualTo(1);
        assertThat(cancelled.status()).isEqualTo(EventStatus.CANCELLED);
        assertThat(store.pendingFor("ven-a", NOW)).containsExactly(cancelled);
        assertThat(store.cancel(e.id(), "again").orElseThrow().event().modificationNumber())
                .isEqualTo(1);
        // a response to the old modification does not acknowledge the new one
        store.respond("ven-a", e.id(), 0, OptType.OPT_OUT, NOW);
        assertThat(store.pendingFor("ven-a", NOW)).hasSize(1);
        store.respond("ven-a", e.id(), 1, OptType.OPT_OUT, NOW);
        assertThat(store.pendingFor("ven-a", NOW)).isEmpty();
        assertThat(store.openFor("ven-a", NOW)).isEmpty();
    }

    @Test
    void completedEventsAreNeverPending() {
        store.add(event("e1", ResponseRequired.ALWAYS, "ven-a"));
        Instant after = START.plus(Duration.ofHours(2));
        assertThat(store.pendingFor("ven-a", after)).isEmpty();
        assertThat(store.openFor("ven-a", after)).isEmpty();
    }

    @Test
    void refusesResponsesItCannotRecord() {
        GridEvent e = store.add(event("e1", ResponseRequired.ALWAYS, "ven-a")).event();
        assertThat(store.respond("ven-a", EventId.of("nope"), 0, OptType.OPT_IN, NOW))
                .isEqualTo(OptResult.UNKNOWN_EVENT);
        assertThat(store.respond("ven-b", e.id(), 0, OptType.OPT_IN, NOW))
                .isEqualTo(OptResult.NOT_TARGETED);
        assertThat(store.respond("ven-a", e.id(), 5, OptType.OPT_IN, NOW))
                .isEqualTo(OptResult.FUTURE_MODIFICATION);
        assertThat(store.pendingFor("ven-a", NOW)).hasSize(1);
    }

    @Test
    void refusesADuplicateId() {
        store.add(event("e1", ResponseRequired.ALWAYS, "ven-a"));
        assertThatThrownBy(() -> store.add(event("e1", ResponseRequired.NEVER, "ven-b")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(store.cancel(EventId.of("nope"), "x")).isEmpty();
    }
}
