package io.gridshift.agent.dispatch;

import static io.gridshift.agent.dispatch.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridshift.domain.dispatch.DispatchId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new executor over the same store, as after the agent process restarted. */
class DispatchRecoveryTest {
    @TempDir Path folder;
    ExecutorFixture f;

    @BeforeEach
    void setUp() {
        f = new ExecutorFixture(folder);
    }

    @Test
    void anOrderActiveAtTheRestartIsAppliedAgainAndStillRevertsAtItsEnd() {
        // GIVEN an order active since 06:00
        f.send(order(1));
        f.runTimersUntil(Instant.parse("2026-07-01T06:30:00Z"));
        f.takeAckLog();
        f.site.clearCalls();

        // WHEN the agent restarts at 07:00
        f.at("2026-07-01T07:00:00Z");
        f.restart();

        // THEN it puts the order back in force (revert first: the site may still hold it)
        assertThat(f.site.calls()).containsExactly("revert d-1#1", "apply d-1#1");
        assertThat(f.takeAckLog()).containsExactly("d-1#1 ACTIVE 1500.0 @07:00:00");
        assertThat(f.executor.nextDeadline()).contains(Orders.END);

        // AND reverts at 08:00 by its own timer
        f.runTimersUntil(Instant.parse("2026-07-01T10:00:00Z"));
        assertThat(f.takeAckLog()).containsExactly("d-1#1 COMPLETED @08:00:00");
        assertThat(f.site.applied()).isEmpty();
    }

    @Test
    void anOrderWhoseEndPassedWhileTheAgentWasDownIsRevertedAtStart() {
        // GIVEN an order active since 06:00, and the agent goes down at 07:00
        f.send(order(1));
        f.runTimersUntil(Instant.parse("2026-07-01T07:00:00Z"));
        f.takeAckLog();
        f.site.clearCalls();

        // WHEN it comes back at 09:15, after the order's end
        f.at("2026-07-01T09:15:00Z");
        f.restart();

        // THEN the first thing it does is revert and ack COMPLETED
        assertThat(f.site.calls()).containsExactly("revert d-1#1");
        assertThat(f.takeAckLog()).containsExactly("d-1#1 COMPLETED @09:15:00");
        assertThat(f.site.applied()).isEmpty();
        assertThat(f.executor.nextDeadline()).isEmpty();
    }

    @Test
    void anAcceptedOrderSurvivesARestartAndStartsOnTime() {
        // GIVEN an order accepted at 05:00
        f.send(order(1));
        f.takeAckLog();

        // WHEN the agent restarts at 05:30
        f.at("2026-07-01T05:30:00Z");
        f.restart();

        // THEN it waits, then runs the window as if nothing happened
        assertThat(f.site.calls()).isEmpty();
        assertThat(f.acks).isEmpty();
        assertThat(f.executor.nextDeadline()).contains(Orders.START);
        f.runTimersUntil(Instant.parse("2026-07-01T09:00:00Z"));
        assertThat(f.takeAckLog())
                .containsExactly("d-1#1 ACTIVE 1500.0 @06:00:00", "d-1#1 COMPLETED @08:00:00");
    }

    @Test
    void anAcceptedOrderWhoseWholeWindowPassedWhileDownIsClosed() {
        // GIVEN an order accepted at 05:00, and the agent down from 05:30 to 08:30
        f.send(order(1));
        f.takeAckLog();
        f.at("2026-07-01T08:30:00Z");

        // WHEN it restarts
        f.restart();

        // THEN the order is closed: revert (harmless for an order never applied), COMPLETED
        assertThat(f.site.calls()).containsExactly("revert d-1#1");
        assertThat(f.takeAckLog()).containsExactly("d-1#1 COMPLETED @08:30:00");
    }

    @Test
    void idempotencySurvivesARestart() {
        // GIVEN revision 2 active, then a restart
        f.at("2026-07-01T06:10:00Z");
        f.send(order(2));
        f.at("2026-07-01T06:20:00Z");
        f.restart();
        f.takeAckLog();
        f.site.clearCalls();

        // WHEN copies of revision 2 and a late revision 1 arrive
        f.send(order(2));
        f.send(order(1));

        // THEN the copy is re-acked, the old revision refused, nothing applied again
        assertThat(f.takeAckLog())
                .containsExactly(
                        "d-1#2 ACTIVE 1500.0 @06:20:00", "d-1#1 REJECTED stale_revision @06:20:00");
        assertThat(f.site.calls()).isEmpty();
    }

    @Test
    void aFinishedOrderIsStillReackedAfterARestartWithinItsRetention() {
        // GIVEN an order that failed to apply, then a restart
        f.site.failApply("cannot reach BMC");
        f.send(order(1));
        f.runTimersUntil(Instant.parse("2026-07-01T06:00:00Z"));
        f.site.failApply(null);
        f.restart();
        f.takeAckLog();
        f.site.clearCalls();

        // WHEN a copy arrives
        f.send(order(1));

        // THEN it is re-acked FAILED with the stored reason, and not tried again
        assertThat(f.acks.get(0).reason()).isEqualTo("apply_failed: cannot reach BMC");
        assertThat(f.site.calls()).isEmpty();
        assertThat(f.executor.order(DispatchId.of("d-1")).orElseThrow().state())
                .isEqualTo(OrderState.FAILED);
    }

    @Test
    void aRestartInTheMiddleOfPeriodicAcksKeepsTheirRhythm() {
        // GIVEN an active order and the scheduler ticking every 5 s
        f.send(order(1));
        f.runTicksUntil(Instant.parse("2026-07-01T06:00:12Z"), Duration.ofSeconds(5));
        f.restart();
        f.takeAckLog();

        // WHEN it keeps ticking after the restart
        f.runTicksUntil(Instant.parse("2026-07-01T06:00:30Z"), Duration.ofSeconds(5));

        // THEN the re-acks continue every 10 s from the re-apply at 06:00:12
        assertThat(f.takeAckLog()).containsExactly("d-1#1 ACTIVE 1500.0 @06:00:22");
    }
}
