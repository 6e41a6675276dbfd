package io.gridshift.domain.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridshift.domain.event.EventId;
import io.gridshift.domain.site.SiteId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DispatchOrderTest {
    static final Instant START = Instant.parse("2026-07-01T06:00:00Z");

    static DispatchOrder order(int revision, List<DispatchAction> actions) {
        return new DispatchOrder(
                DispatchId.of("d-7f3a"),
                revision,
                EventId.of("ev-20260701-1"),
                SiteId.of("dc-sh-01"),
                START.minusSeconds(30),
                START,
                START.plus(Duration.ofHours(2)),
                actions);
    }

    @Test
    void migrationInCountsAsAddedLoadSoTheSavingIsNeverCountedTwice() {
        DispatchOrder out =
                order(
                        1,
                        List.of(
                                new DispatchAction.Reduce("batch", 1500),
                                new DispatchAction.MigrateOut(
                                        "train-42", SiteId.of("dc-nm-02"), 320)));
        DispatchOrder in =
                order(
                        1,
                        List.of(
                                new DispatchAction.MigrateIn(
                                        "train-42", SiteId.of("dc-sh-01"), 320)));
        assertThat(out.netReductionKw()).isEqualTo(1820);
        assertThat(in.netReductionKw()).isEqualTo(-320);
        assertThat(out.netReductionKw() + in.netReductionKw()).isEqualTo(1500);
    }

    @Test
    void aReboundLimitStepsFromTheOrdersStartAndHoldsItsLastValue() {
        DispatchAction.LimitRebound l =
                new DispatchAction.LimitRebound(
                        "batch", Duration.ofMinutes(5), List.of(100.0, 250.0, 400.0));
        assertThat(l.reductionKw()).isZero();
        assertThat(l.maxAddedKwAt(Duration.ZERO)).isEqualTo(100);
        assertThat(l.maxAddedKwAt(Duration.ofSeconds(299))).isEqualTo(100);
        assertThat(l.maxAddedKwAt(Duration.ofMinutes(5))).isEqualTo(250);
        assertThat(l.maxAddedKwAt(Duration.ofMinutes(14))).isEqualTo(400);
        assertThat(l.maxAddedKwAt(Duration.ofHours(2))).isEqualTo(400);
        assertThat(l.maxAddedKwAt(Duration.ofMinutes(-1))).isEqualTo(100);
        assertThat(l.span()).isEqualTo(Duration.ofMinutes(15));
        assertThat(order(1, List.of(l)).netReductionKw()).isZero();
    }

    @Test
    void badReboundLimitsAreRefusedWithTheField() {
        assertThatThrownBy(
                        () -> new DispatchAction.LimitRebound("batch", Duration.ZERO, List.of(1.0)))
                .hasMessageStartingWith("stepS: must be a whole number of seconds");
        assertThatThrownBy(
                        () ->
                                new DispatchAction.LimitRebound(
                                        "batch", Duration.ofMillis(1500), List.of(1.0)))
                .hasMessageStartingWith("stepS: must be a whole number of seconds");
        assertThatThrownBy(
                        () ->
                                new DispatchAction.LimitRebound(
                                        "batch", Duration.ofHours(2), List.of(1.0)))
                .hasMessageStartingWith("stepS: must be between");
        assertThatThrownBy(
                        () ->
                                new DispatchAction.LimitRebound(
                                        "batch", Duration.ofMinutes(1), List.of()))
                .hasMessageStartingWith("maxAddedKw:");
        assertThatThrownBy(
                        () ->
                                new DispatchAction.LimitRebound(
                                        "batch", Duration.ofMinutes(1), List.of(5.0, -1.0)))
                .hasMessageStartingWith("maxAddedKw[1]:");
        assertThatThrownBy(
                        () ->
                                new DispatchAction.LimitRebound(
                                        "Batch!", Duration.ofMinutes(1), List.of(5.0)))
                .hasMessageStartingWith("resource:");
    }

    @Test
    void windowIsHalfOpen() {
        DispatchOrder o = order(1, List.of(new DispatchAction.Reduce("batch", 10)));
        assertThat(o.isActiveAt(START)).isTrue();
        assertThat(o.isActiveAt(o.end())).isFalse();
        assertThat(order(2, o.actions()).supersedes(o)).isTrue();
        assertThat(o.supersedes(o)).isFalse();
    }

    @Test
    void badOrdersAreRefusedWithTheField() {
        assertThatThrownBy(() -> order(0, List.of(new DispatchAction.Reduce("batch", 1))))
                .hasMessageStartingWith("revision: must be between 1");
        assertThatThrownBy(() -> order(1, List.of())).hasMessageStartingWith("actions: must have");
        assertThatThrownBy(() -> new DispatchAction.Reduce("batch", -1))
                .hasMessageStartingWith("reductionKw: must be between 0");
        assertThatThrownBy(
                        () ->
                                new DispatchOrder(
                                        DispatchId.of("d-1"),
                                        1,
                                        null,
                                        SiteId.of("dc-1"),
                                        START,
                                        START,
                                        START.plus(Duration.ofDays(3)),
                                        List.of(new DispatchAction.Reduce("batch", 1))))
                .hasMessageStartingWith("window: must be between PT0S and PT48H");
    }

    @Test
    void rejectionsAndFailuresNeedAReason() {
        assertThatThrownBy(
                        () ->
                                new Ack(
                                        DispatchId.of("d-1"),
                                        1,
                                        SiteId.of("dc-1"),
                                        AckStatus.REJECTED,
                                        " ",
                                        null,
                                        START))
                .hasMessageStartingWith("reason: is required when status is REJECTED");
        Ack ok =
                new Ack(
                        DispatchId.of("d-1"),
                        1,
                        SiteId.of("dc-1"),
                        AckStatus.ACTIVE,
                        null,
                        1890.0,
                        START);
        assertThat(ok.status().isFinal()).isFalse();
        assertThat(AckStatus.COMPLETED.isFinal()).isTrue();
    }
}
