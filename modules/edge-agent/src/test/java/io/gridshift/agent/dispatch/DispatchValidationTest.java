package io.gridshift.agent.dispatch;

import static io.gridshift.agent.dispatch.Orders.BATCH_1500;
import static io.gridshift.agent.dispatch.Orders.END;
import static io.gridshift.agent.dispatch.Orders.START;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridshift.domain.dispatch.Ack;
import io.gridshift.domain.dispatch.AckStatus;
import io.gridshift.domain.dispatch.DispatchAction;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.site.SiteId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every refusal: acked REJECTED with its code and message, counted, and nothing applied or kept.
 */
class DispatchValidationTest {
    @TempDir Path folder;

    static Stream<Arguments> refusals() {
        Instant now = Orders.NOW;
        return Stream.of(
                Arguments.of(
                        "site_mismatch",
                        Orders.order("d-1", 1, SiteId.of("dc-nm-02"), START, END, BATCH_1500),
                        "site_mismatch: the order is for site dc-nm-02, this is dc-sh-01"),
                Arguments.of(
                        "window_over",
                        Orders.order("d-1", 1, now.minusSeconds(7200), now, BATCH_1500),
                        "window_over: the window ended at 2026-07-01T05:00:00Z, now is"
                                + " 2026-07-01T05:00:00Z"),
                Arguments.of(
                        "too_far_ahead",
                        Orders.order(
                                "d-1",
                                1,
                                now.plus(Duration.ofHours(49)),
                                now.plus(Duration.ofHours(50)),
                                BATCH_1500),
                        "too_far_ahead: start 2026-07-03T06:00:00Z is beyond the horizon"
                                + " 2026-07-03T05:00:00Z"),
                Arguments.of(
                        "unknown_resource",
                        Orders.order(
                                "d-1",
                                1,
                                START,
                                END,
                                List.of(
                                        new DispatchAction.Reduce("batch", 100),
                                        new DispatchAction.Reduce("ups", 500))),
                        "unknown_resource: the site has no resource 'ups'"),
                Arguments.of(
                        "unknown_job",
                        Orders.order(
                                "d-1",
                                1,
                                START,
                                END,
                                List.of(
                                        new DispatchAction.MigrateOut(
                                                "train-99", SiteId.of("dc-nm-02"), 320))),
                        "unknown_job: the site has no migratable job 'train-99'"),
                Arguments.of(
                        "unknown_resource",
                        Orders.order(
                                "d-1",
                                1,
                                START,
                                END,
                                List.of(
                                        new DispatchAction.LimitRebound(
                                                "ups", Duration.ofMinutes(1), List.of(100.0)))),
                        "unknown_resource: the site has no resource 'ups'"),
                Arguments.of(
                        "no_rebound",
                        Orders.order(
                                "d-1",
                                1,
                                START,
                                END,
                                List.of(
                                        new DispatchAction.LimitRebound(
                                                "batch", Duration.ofMinutes(1), List.of(100.0)),
                                        new DispatchAction.LimitRebound(
                                                "mig", Duration.ofMinutes(1), List.of(100.0)))),
                        "no_rebound: LIMIT_REBOUND on 'mig' (MIGRATABLE_JOBS): it gives nothing"
                                + " back after an event; only DEFERRABLE_JOBS, BATTERY and THERMAL"
                                + " resources do"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void anOrderTheSiteCannotCarryOutIsRejectedWithItsReasonAndNothingApplied(
            String code, DispatchOrder order, String reason) {
        // GIVEN a running agent
        ExecutorFixture f = new ExecutorFixture(folder);

        // WHEN the order arrives
        f.send(order);

        // THEN one REJECTED ack with the code and a readable message; nothing applied or stored
        assertThat(f.acks).hasSize(1);
        Ack ack = f.acks.get(0);
        assertThat(ack.status()).isEqualTo(AckStatus.REJECTED);
        assertThat(ack.reason()).isEqualTo(reason);
        assertThat(ack.revision()).isEqualTo(1);
        assertThat(f.executor.rejections()).isEqualTo(Map.of(code, 1L));
        assertThat(f.site.calls()).isEmpty();
        assertThat(f.executor.orders()).isEmpty();
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void theAdaptersOwnRefusalIsPassedOnAndItsTextMadeSafeForAnAck() {
        // GIVEN a site that refuses with a long, multi-line reason
        ExecutorFixture f = new ExecutorFixture(folder);
        f.site.refuse("SoC floor\nwould be crossed " + "x".repeat(400));

        // WHEN an order arrives
        f.send(Orders.order(1));

        // THEN the reason keeps the code, loses the line break and fits an ack
        String reason = f.acks.get(0).reason();
        assertThat(reason).startsWith("adapter_refused: SoC floor would be crossed xxx");
        assertThat(reason).hasSize(256).doesNotContain("\n");
        assertThat(f.executor.rejections()).isEqualTo(Map.of("adapter_refused", 1L));
        assertThat(f.site.calls()).isEmpty();
    }

    @Test
    void anOrderStartingRightAtTheHorizonIsAccepted() {
        ExecutorFixture f =
                new ExecutorFixture(
                        folder, ExecutorFixture.OPTIONS.withHorizon(Duration.ofHours(1)));

        f.send(Orders.order(1));

        assertThat(f.takeAckLog()).containsExactly("d-1#1 ACCEPTED @05:00:00");
    }

    @Test
    void rejectionsAreCountedPerReason() {
        // GIVEN an active revision 3
        ExecutorFixture f = new ExecutorFixture(folder);
        f.send(Orders.order(3));

        // WHEN two stale revisions, a foreign order and a replay arrive
        f.send(Orders.order(1));
        f.send(Orders.order(2));
        f.send(Orders.order("d-9", 1, SiteId.of("dc-nm-02"), START, END, BATCH_1500));
        f.send(Orders.withWindow(Orders.order(3), START, END.plusSeconds(60)));

        // THEN each reason has its own count
        assertThat(f.executor.rejections())
                .isEqualTo(Map.of("stale_revision", 2L, "site_mismatch", 1L, "replayed", 1L));
    }
}
