package io.gridshift.agent.dispatch;

import static io.gridshift.agent.dispatch.Orders.END;
import static io.gridshift.agent.dispatch.Orders.START;
import static io.gridshift.agent.dispatch.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridshift.domain.dispatch.Ack;
import io.gridshift.domain.dispatch.AckStatus;
import io.gridshift.domain.dispatch.DispatchAction;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.dispatch.DispatchOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DispatchExecutorTest {
    @TempDir Path folder;
    ExecutorFixture f;

    @BeforeEach
    void setUp() {
        f = new ExecutorFixture(folder);
    }

    @Test
    void anOrderIsAcceptedActivatedAtItsStartReackedWhileActiveAndRevertedAtItsEnd() {
        // GIVEN an order for 06:00-08:00 received at 05:00, a site delivering 90 %
        f.site.deliver(0.9);
        f.send(order(1));
        assertThat(f.takeAckLog()).containsExactly("d-1#1 ACCEPTED @05:00:00");
        assertThat(f.site.calls()).isEmpty();
        assertThat(f.executor.nextDeadline()).contains(START);

        // WHEN the agent's scheduler ticks every second until 06:00:25
        f.runTicksUntil(Instant.parse("2026-07-01T06:00:25Z"), Duration.ofSeconds(1));

        // THEN it applied once at 06:00 and re-acked ACTIVE with the measured kW every 10 s
        assertThat(f.site.calls()).containsExactly("apply d-1#1");
        assertThat(f.takeAckLog())
                .containsExactly(
                        "d-1#1 ACTIVE 1350.0 @06:00:00",
                        "d-1#1 ACTIVE 1350.0 @06:00:10",
                        "d-1#1 ACTIVE 1350.0 @06:00:20");
        assertThat(f.executor.nextDeadline()).contains(END);

        // WHEN time reaches the end
        f.runTicksUntil(END, Duration.ofMinutes(1));

        // THEN it reverted and acked COMPLETED at 08:00 sharp
        assertThat(f.site.calls()).containsExactly("apply d-1#1", "revert d-1#1");
        assertThat(f.site.applied()).isEmpty();
        assertThat(f.acks.get(f.acks.size() - 1).status()).isEqualTo(AckStatus.COMPLETED);
        assertThat(f.acks.get(f.acks.size() - 1).ts()).isEqualTo(END);
        assertThat(f.executor.order(DispatchId.of("d-1")).orElseThrow().state())
                .isEqualTo(OrderState.COMPLETED);
        assertThat(f.executor.nextDeadline()).isEmpty();
    }

    @Test
    void revertsAtTheEndWithNoInputButItsOwnTimers() {
        // GIVEN an accepted order and an aggregator that is never heard from again
        f.send(order(1));

        // WHEN the agent only arms a timer at each next deadline
        f.runTimersUntil(Instant.parse("2026-07-01T12:00:00Z"));

        // THEN it applied at the start and reverted exactly at the end
        assertThat(f.site.calls()).containsExactly("apply d-1#1", "revert d-1#1");
        assertThat(f.takeAckLog())
                .containsExactly(
                        "d-1#1 ACCEPTED @05:00:00",
                        "d-1#1 ACTIVE 1500.0 @06:00:00",
                        "d-1#1 COMPLETED @08:00:00");
        assertThat(f.site.applied()).isEmpty();
    }

    @Test
    void anOrderWhoseWindowAlreadyStartedIsAppliedOnArrival() {
        // GIVEN it is 06:30, within the order's window
        f.at("2026-07-01T06:30:00Z");

        // WHEN the order arrives
        f.send(order(1));

        // THEN it is accepted and active at once, without waiting for a tick
        assertThat(f.takeAckLog())
                .containsExactly("d-1#1 ACCEPTED @06:30:00", "d-1#1 ACTIVE 1500.0 @06:30:00");
        assertThat(f.site.calls()).containsExactly("apply d-1#1");
    }

    @Test
    void everyCopyIsAckedWithTheCurrentStatusButAppliedOnce() {
        // GIVEN an order received once
        f.send(order(1));

        // WHEN copies arrive before, during and after its window
        f.send(order(1));
        f.runTimersUntil(Instant.parse("2026-07-01T07:00:00Z"));
        f.send(order(1));
        f.runTimersUntil(Instant.parse("2026-07-01T08:30:00Z"));
        f.send(order(1));

        // THEN each copy is re-acked with the status of the moment, and applied only once
        assertThat(f.takeAckLog())
                .containsExactly(
                        "d-1#1 ACCEPTED @05:00:00",
                        "d-1#1 ACCEPTED @05:00:00",
                        "d-1#1 ACTIVE 1500.0 @06:00:00",
                        "d-1#1 ACTIVE 1500.0 @07:00:00",
                        "d-1#1 COMPLETED @08:00:00",
                        "d-1#1 COMPLETED @08:30:00");
        assertThat(f.site.calls()).containsExactly("apply d-1#1", "revert d-1#1");
        assertThat(f.executor.rejections()).isEmpty();
    }

    @Test
    void aLowerRevisionIsRejectedAsStaleAndChangesNothing() {
        // GIVEN revision 2 is active
        f.at("2026-07-01T06:10:00Z");
        f.send(order(2));
        f.takeAckLog();

        // WHEN revision 1 arrives late
        f.send(order(1));

        // THEN it is rejected as stale; revision 2 keeps running untouched
        assertThat(f.takeAckLog()).containsExactly("d-1#1 REJECTED stale_revision @06:10:00");
        assertThat(f.site.calls()).containsExactly("apply d-1#2");
        assertThat(f.executor.order(DispatchId.of("d-1")).orElseThrow())
                .isEqualTo(new OrderRecord(order(2), OrderState.ACTIVE, null));
        assertThat(f.executor.rejections()).isEqualTo(Map.of("stale_revision", 1L));
    }

    @Test
    void theSameRevisionWithOtherContentIsRejectedAsReplayed() {
        // GIVEN revision 1 is accepted
        f.send(order(1));
        f.takeAckLog();

        // WHEN a message claiming to be revision 1 asks for 2000 kW of batch instead
        DispatchOrder forged =
                Orders.withActions(order(1), List.of(new DispatchAction.Reduce("batch", 2000)));
        f.send(forged);

        // THEN it is rejected as replayed; the held revision is the original one
        List<Ack> rejected = List.copyOf(f.acks);
        assertThat(f.takeAckLog()).containsExactly("d-1#1 REJECTED replayed @05:00:00");
        assertThat(rejected.get(0).reason())
                .isEqualTo("replayed: revision 1 was received before with other content");
        assertThat(f.executor.order(DispatchId.of("d-1")).orElseThrow().order())
                .isEqualTo(order(1));
        assertThat(f.executor.rejections()).isEqualTo(Map.of("replayed", 1L));
    }

    @Test
    void aNewRevisionRevertsTheOldActionsAndAppliesItsOwn() {
        // GIVEN revision 1 is active since 06:00
        f.send(order(1));
        f.runTimersUntil(Instant.parse("2026-07-01T06:30:00Z"));
        f.takeAckLog();

        // WHEN revision 2 moves the load to train and ends at 07:00
        DispatchOrder rev2 =
                Orders.order(
                        "d-1",
                        2,
                        START,
                        Instant.parse("2026-07-01T07:00:00Z"),
                        List.of(new DispatchAction.Reduce("train", 800)));
        f.send(rev2);

        // THEN the old actions are undone before the new are applied
        assertThat(f.site.calls()).containsExactly("apply d-1#1", "revert d-1#1", "apply d-1#2");
        assertThat(f.takeAckLog())
                .containsExactly("d-1#2 ACCEPTED @06:30:00", "d-1#2 ACTIVE 800.0 @06:30:00");

        // AND the new end applies: reverted at 07:00, not 08:00
        f.runTimersUntil(Instant.parse("2026-07-01T09:00:00Z"));
        assertThat(f.takeAckLog()).containsExactly("d-1#2 COMPLETED @07:00:00");
        assertThat(f.site.applied()).isEmpty();
    }

    @Test
    void aNewRevisionBeforeTheStartJustReplacesTheAcceptedOne() {
        // GIVEN revision 1 is accepted for 06:00
        f.send(order(1));

        // WHEN revision 2 moves the window to 06:30-07:30
        f.send(
                Orders.withWindow(
                        order(2),
                        Instant.parse("2026-07-01T06:30:00Z"),
                        Instant.parse("2026-07-01T07:30:00Z")));

        // THEN nothing is applied until 06:30, and revision 1 never runs
        assertThat(f.executor.nextDeadline()).contains(Instant.parse("2026-07-01T06:30:00Z"));
        f.runTimersUntil(Instant.parse("2026-07-01T09:00:00Z"));
        assertThat(f.site.calls()).containsExactly("apply d-1#2", "revert d-1#2");
        assertThat(f.takeAckLog())
                .containsExactly(
                        "d-1#1 ACCEPTED @05:00:00",
                        "d-1#2 ACCEPTED @05:00:00",
                        "d-1#2 ACTIVE 1500.0 @06:30:00",
                        "d-1#2 COMPLETED @07:30:00");
    }

    @Test
    void aRefusedNewRevisionLeavesTheOldOneRunning() {
        // GIVEN revision 1 is active
        f.send(order(1));
        f.runTimersUntil(Instant.parse("2026-07-01T06:30:00Z"));
        f.takeAckLog();

        // WHEN revision 2 arrives but the site refuses it
        f.site.refuse("job deadline of train-7 would be missed");
        f.send(order(2));

        // THEN revision 2 is rejected, revision 1 still runs and still reverts at its end
        assertThat(f.takeAckLog()).containsExactly("d-1#2 REJECTED adapter_refused @06:30:00");
        assertThat(f.site.applied()).containsOnlyKeys("d-1#1");
        assertThat(f.executor.order(DispatchId.of("d-1")).orElseThrow().order().revision())
                .isEqualTo(1);
        f.runTimersUntil(Instant.parse("2026-07-01T09:00:00Z"));
        assertThat(f.takeAckLog()).containsExactly("d-1#1 COMPLETED @08:00:00");
        assertThat(f.site.calls()).containsExactly("apply d-1#1", "revert d-1#1");
    }

    @Test
    void whenApplyThrowsTheOrderIsAckedFailedAndReverted() {
        // GIVEN a site whose scheduler rejects the hold
        f.site.failApply("slurm: permission denied");
        f.send(order(1));

        // WHEN the start comes
        f.runTimersUntil(Instant.parse("2026-07-01T06:00:00Z"));

        // THEN FAILED with the adapter's reason, and the adapter was told to revert
        assertThat(f.site.calls()).containsExactly("apply d-1#1", "revert d-1#1");
        Ack failed = f.acks.get(f.acks.size() - 1);
        assertThat(failed.status()).isEqualTo(AckStatus.FAILED);
        assertThat(failed.reason()).isEqualTo("apply_failed: slurm: permission denied");
        assertThat(f.executor.failures()).isEqualTo(Map.of("apply_failed", 1L));
        assertThat(f.executor.nextDeadline()).isEmpty();

        // AND a copy is re-acked FAILED, not tried again
        f.send(order(1));
        Ack copy = f.acks.get(f.acks.size() - 1);
        assertThat(copy.status()).isEqualTo(AckStatus.FAILED);
        assertThat(copy.reason()).isEqualTo(failed.reason());
        assertThat(f.site.calls()).hasSize(2);
    }

    @Test
    void aRevertThatThrowsIsAckedFailedAndRetriedOnEveryTickUntilItGoesThrough() {
        // GIVEN an active order, re-acked last at 07:59:55, and a site whose next two reverts throw
        f.send(order(1));
        f.runTimersUntil(Instant.parse("2026-07-01T07:59:55Z"));
        f.executor.tick(f.clock.instant());
        f.takeAckLog();
        f.site.failReverts(2);

        // WHEN the end comes and the scheduler keeps ticking every second
        f.runTicksUntil(Instant.parse("2026-07-01T08:00:05Z"), Duration.ofSeconds(1));

        // THEN FAILED once at the end, and the revert went through on the second retry
        assertThat(f.takeAckLog()).containsExactly("d-1#1 FAILED revert_failed @08:00:00");
        assertThat(f.site.calls())
                .containsExactly("apply d-1#1", "revert d-1#1", "revert d-1#1", "revert d-1#1");
        assertThat(f.site.applied()).isEmpty();
        assertThat(f.executor.order(DispatchId.of("d-1")).orElseThrow().state())
                .isEqualTo(OrderState.FAILED);
        assertThat(f.executor.failures()).isEqualTo(Map.of("revert_failed", 1L));
    }

    @Test
    void finishedOrdersAreForgottenAfterTheirRetention() {
        // GIVEN a completed order, retention one hour
        f.send(order(1));
        f.runTimersUntil(Instant.parse("2026-07-01T08:00:00Z"));
        assertThat(folder.resolve("d-1.order")).exists();

        // WHEN ticks run past end + retention
        f.runTicksUntil(Instant.parse("2026-07-01T09:00:00Z"), Duration.ofMinutes(5));

        // THEN it is gone from memory and disk; a very late copy is judged afresh (window over)
        assertThat(f.executor.orders()).isEmpty();
        assertThat(folder.resolve("d-1.order")).doesNotExist();
        f.takeAckLog();
        f.send(order(1));
        assertThat(f.takeAckLog()).containsExactly("d-1#1 REJECTED window_over @09:00:00");
    }

    @Test
    void anAckSinkThatThrowsDoesNotStopTheOrder() {
        // GIVEN a transport that fails every send
        DispatchExecutor executor =
                new DispatchExecutor(
                        RecordingSiteAdapter.SITE,
                        f.site,
                        OrderStore.open(folder.resolve("other")),
                        ack -> {
                            throw new IllegalStateException("broker down");
                        },
                        DispatchOptions.defaults());
        executor.recover(Orders.NOW);

        // WHEN an order arrives and its window passes
        executor.onOrder(order(1), Orders.NOW);
        executor.tick(START);
        executor.tick(END);

        // THEN it still ran and reverted
        assertThat(f.site.calls()).containsExactly("apply d-1#1", "revert d-1#1");
        assertThat(executor.order(DispatchId.of("d-1")).orElseThrow().state())
                .isEqualTo(OrderState.COMPLETED);
    }

    @Test
    void twoOrdersRunSideBySideAndTheTimerFollowsTheEarliestDeadline() {
        // GIVEN d-1 06:00-08:00 and d-2 06:30-07:00, re-acks too rare to show
        f =
                new ExecutorFixture(
                        folder, ExecutorFixture.OPTIONS.withActiveAckPeriod(Duration.ofHours(3)));
        f.send(order(1));
        f.send(
                Orders.order(
                        "d-2",
                        1,
                        Instant.parse("2026-07-01T06:30:00Z"),
                        Instant.parse("2026-07-01T07:00:00Z"),
                        List.of(new DispatchAction.Reduce("train", 400))));
        f.takeAckLog();

        // WHEN only the timers drive the agent
        f.runTimersUntil(Instant.parse("2026-07-01T09:00:00Z"));

        // THEN every start and end happened at its instant
        assertThat(f.takeAckLog())
                .containsExactly(
                        "d-1#1 ACTIVE 1500.0 @06:00:00",
                        "d-2#1 ACTIVE 400.0 @06:30:00",
                        "d-2#1 COMPLETED @07:00:00",
                        "d-1#1 COMPLETED @08:00:00");
        assertThat(f.site.applied()).isEmpty();
    }

    @Test
    void acksCarryTheAgentsSiteAndTime() {
        f.send(order(1));

        Ack ack = f.acks.get(0);
        assertThat(ack)
                .isEqualTo(
                        new Ack(
                                DispatchId.of("d-1"),
                                1,
                                RecordingSiteAdapter.SITE,
                                AckStatus.ACCEPTED,
                                null,
                                null,
                                Orders.NOW));
    }
}
