package io.gridshift.domain.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GridEventTest {
    static final Instant START = Instant.parse("2026-07-01T14:00:00Z");

    static GridEvent peakShave(long modification, EventStatus status) {
        List<SignalInterval> hours = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            hours.add(new SignalInterval(i, Duration.ofHours(1), i == 0 ? 1 : 2));
        }
        return new GridEvent(
                EventId.of("ev-20260701-1"),
                modification,
                null,
                "http://MarketContext1",
                0,
                START.minus(Duration.ofDays(1)),
                status,
                false,
                ResponseRequired.ALWAYS,
                START,
                Duration.ofHours(4),
                Duration.ofMinutes(5),
                Duration.ofHours(2),
                Duration.ofMinutes(15),
                null,
                List.of(
                        new EventSignal(
                                "s1", SignalName.SIMPLE, "simple", SignalType.LEVEL, null, hours),
                        new EventSignal(
                                "s2",
                                SignalName.LOAD_DISPATCH,
                                "LOAD_DISPATCH",
                                SignalType.DELTA,
                                "kW",
                                List.of(new SignalInterval(0, Duration.ofHours(4), -5000)))),
                new EventTargets(Set.of(), Set.of(), Set.of("CN-SH"), Set.of()));
    }

    @Test
    void statusFollowsTheClock() {
        GridEvent event = peakShave(0, EventStatus.FAR);
        assertThat(event.statusAt(START.minus(Duration.ofHours(3)))).isEqualTo(EventStatus.FAR);
        assertThat(event.statusAt(START.minus(Duration.ofHours(2)))).isEqualTo(EventStatus.NEAR);
        assertThat(event.statusAt(START)).isEqualTo(EventStatus.ACTIVE);
        assertThat(event.statusAt(event.end().minusNanos(1))).isEqualTo(EventStatus.ACTIVE);
        assertThat(event.statusAt(event.end())).isEqualTo(EventStatus.COMPLETED);
        assertThat(peakShave(1, EventStatus.CANCELLED).statusAt(START))
                .isEqualTo(EventStatus.CANCELLED);
    }

    @Test
    void signalValueFollowsItsIntervals() {
        EventSignal simple = peakShave(0, EventStatus.FAR).signal(SignalName.SIMPLE).orElseThrow();
        assertThat(simple.valueAt(START, START.minusSeconds(1))).isEmpty();
        assertThat(simple.valueAt(START, START.plusSeconds(1)).getAsDouble()).isEqualTo(1);
        assertThat(simple.valueAt(START, START.plus(Duration.ofHours(1))).getAsDouble())
                .isEqualTo(2);
        assertThat(simple.valueAt(START, START.plus(Duration.ofHours(4)))).isEmpty();
        assertThat(simple.duration()).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void aHigherModificationSupersedes() {
        assertThat(peakShave(2, EventStatus.FAR).supersedes(peakShave(1, EventStatus.FAR)))
                .isTrue();
        assertThat(peakShave(1, EventStatus.FAR).supersedes(peakShave(1, EventStatus.FAR)))
                .isFalse();
    }

    @Test
    void missingDurationsDefaultToZeroAndTargetsResolve() {
        GridEvent event = peakShave(0, EventStatus.FAR);
        assertThat(event.recovery()).isEqualTo(Duration.ZERO);
        assertThat(event.targets().isWholeVen()).isFalse();
        assertThat(event.targets().addresses("ven-1")).isTrue();
        assertThat(
                        new EventTargets(Set.of("ven-2"), Set.of(), Set.of(), Set.of())
                                .addresses("ven-1"))
                .isFalse();
        assertThat(EventTargets.ALL.addresses("ven-1")).isTrue();
    }

    @Test
    void anEventWithoutSignalsIsRefused() {
        GridEvent ok = peakShave(0, EventStatus.FAR);
        assertThatThrownBy(
                        () ->
                                new GridEvent(
                                        ok.id(),
                                        0,
                                        null,
                                        ok.marketContext(),
                                        0,
                                        ok.createdAt(),
                                        ok.status(),
                                        false,
                                        ResponseRequired.NEVER,
                                        ok.start(),
                                        ok.duration(),
                                        null,
                                        null,
                                        null,
                                        null,
                                        List.of(),
                                        EventTargets.ALL))
                .hasMessageStartingWith("signals: must have between 1 and 64 entries");
    }

    @Test
    void eventIdsAreLooserThanEdgeIdsButBounded() {
        assertThat(EventId.of("EVT:2026/07/01#1").value()).isEqualTo("EVT:2026/07/01#1");
        assertThatThrownBy(() -> EventId.of("has space")).hasMessageStartingWith("eventId:");
        assertThatThrownBy(() -> EventId.of("e".repeat(129))).hasMessageStartingWith("eventId:");
    }
}
