package io.gridshift.aggregator.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.gridshift.aggregator.cluster.ClusterConfigs;
import io.gridshift.aggregator.cluster.ClusterOptions;
import io.gridshift.aggregator.fleet.FleetOptions;
import io.gridshift.aggregator.fleet.FleetState;
import io.gridshift.aggregator.fleet.Origin;
import io.gridshift.aggregator.fleet.SiteRoute;
import io.gridshift.aggregator.fleet.Transport;
import io.gridshift.aggregator.metrics.AggregatorMetrics;
import io.gridshift.domain.dispatch.Ack;
import io.gridshift.domain.dispatch.AckStatus;
import io.gridshift.domain.dispatch.DispatchAction;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.meter.Telemetry;
import io.gridshift.domain.site.SiteId;
import io.gridshift.domain.time.ManualClock;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The order state machine on a real Hazelcast member: retries, give-up, late acks, refusals. */
class DispatchServiceIT {
    static final Instant T0 = Instant.parse("2026-07-01T06:00:00Z");
    static final SiteId SITE = SiteId.of("dc-a");

    final ManualClock clock = new ManualClock(T0);
    final AggregatorMetrics metrics = new AggregatorMetrics();
    final List<DispatchOrder> sent = new CopyOnWriteArrayList<>();
    HazelcastInstance hz;
    FleetState fleet;
    DispatchService dispatch;

    @BeforeEach
    void start() throws Exception {
        hz =
                Hazelcast.newHazelcastInstance(
                        ClusterConfigs.member(
                                ClusterOptions.defaults()
                                        .withMemberPort(0)
                                        .withClusterName("dispatch-it-" + System.nanoTime())));
        fleet = new FleetState(hz, FleetOptions.defaults(), clock, metrics::duplicates);
        DispatchSender sender = this::record;
        dispatch =
                new DispatchService(
                        hz,
                        fleet,
                        sender,
                        new DispatchOptions(Duration.ofSeconds(5), 3, Duration.ofSeconds(1)),
                        clock,
                        metrics);
        fleet.telemetry(
                        new Telemetry(SITE, 1, T0, 1000, 800, 1000, 0, null, null),
                        new Origin(Transport.MQTT, "n1"),
                        true)
                .get();
    }

    private CompletionStage<Void> record(DispatchOrder order, SiteRoute site) {
        sent.add(order);
        return CompletableFuture.completedFuture(null);
    }

    @AfterEach
    void stop() {
        fleet.close();
        hz.shutdown();
    }

    @Test
    void anUnansweredOrderIsSentAgainEachTimeoutThenMarkedUnacknowledgedAndALateAckStillCounts()
            throws Exception {
        DispatchOrder order = order("d-1", 1);
        DispatchView v = dispatch.issue(order).toCompletableFuture().get();
        assertThat(v.state()).isEqualTo(DispatchState.SENT);
        assertThat(v.attempts()).isEqualTo(1);

        // nothing is due before the timeout
        clock.advance(Duration.ofSeconds(4));
        dispatch.retryDue();
        assertThat(sent).hasSize(1);

        // each timeout sends it again, up to three attempts, then gives up
        for (int attempt = 2; attempt <= 3; attempt++) {
            clock.advance(Duration.ofSeconds(5));
            dispatch.retryDue();
            int expected = attempt;
            org.awaitility.Awaitility.await().until(() -> sent.size() == expected);
        }
        clock.advance(Duration.ofSeconds(5));
        dispatch.retryDue();
        org.awaitility.Awaitility.await().until(() -> state("d-1") == DispatchState.UNACKNOWLEDGED);
        assertThat(sent).hasSize(3);

        // a late ack still moves it, and its latency is measured from the first send
        AckOutcome late =
                dispatch.onAck(ack("d-1", 1, AckStatus.ACCEPTED)).toCompletableFuture().get();
        assertThat(late.after()).isEqualTo(DispatchState.ACCEPTED);
        assertThat(late.firstAckLatencyMillis()).isEqualTo(Duration.ofSeconds(19).toMillis());
    }

    @Test
    void aHigherRevisionReplacesTheOrderAndAnAckOfTheOlderOneIsStale() throws Exception {
        dispatch.issue(order("d-2", 1)).toCompletableFuture().get();
        dispatch.issue(order("d-2", 2)).toCompletableFuture().get();
        assertThat(sent).extracting(DispatchOrder::revision).containsExactly(1, 2);
        AckOutcome stale =
                dispatch.onAck(ack("d-2", 1, AckStatus.ACCEPTED)).toCompletableFuture().get();
        assertThat(stale.result()).isEqualTo(AckOutcome.Result.STALE_REVISION);
        assertThat(state("d-2")).isEqualTo(DispatchState.SENT);
        dispatch.onAck(ack("d-2", 2, AckStatus.ACTIVE)).toCompletableFuture().get();
        assertThat(state("d-2")).isEqualTo(DispatchState.ACTIVE);
        assertThat(dispatch.currentOrder(SITE).toCompletableFuture().get().orElseThrow().revision())
                .isEqualTo(2);
    }

    @Test
    void refusalsNameWhatIsWrong() throws Exception {
        dispatch.issue(order("d-3", 2)).toCompletableFuture().get();
        assertThat(kindOf(() -> dispatch.issue(order("d-3", 2)))).isEqualTo(ErrorKind.CONFLICT);
        assertThat(kindOf(() -> dispatch.issue(order("d-3", 1)))).isEqualTo(ErrorKind.CONFLICT);
        DispatchOrder elsewhere =
                new DispatchOrder(
                        DispatchId.of("d-4"),
                        1,
                        null,
                        SiteId.of("dc-never"),
                        T0,
                        T0.plusSeconds(60),
                        T0.plusSeconds(600),
                        List.of(new DispatchAction.Reduce("batch", 100)));
        assertThat(kindOf(() -> dispatch.issue(elsewhere))).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(kindOf(() -> dispatch.onAck(ack("d-none", 1, AckStatus.ACCEPTED))))
                .isEqualTo(ErrorKind.NOT_FOUND);
        Ack foreign =
                new Ack(
                        DispatchId.of("d-3"),
                        2,
                        SiteId.of("dc-b"),
                        AckStatus.ACCEPTED,
                        null,
                        null,
                        T0);
        assertThat(kindOf(() -> dispatch.onAck(foreign))).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(state("d-3")).isEqualTo(DispatchState.SENT);
    }

    @Test
    void hazelcastContinuationsRunOnAFixedPoolInsteadOfANewThreadEach() throws Exception {
        // on two cores Hazelcast's default async executor would start a thread per continuation
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long before = threads.getTotalStartedThreadCount();
        List<CompletableFuture<?>> reads = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            reads.add(fleet.site(SITE).toCompletableFuture());
            reads.add(dispatch.currentOrder(SITE).toCompletableFuture());
        }
        CompletableFuture.allOf(reads.toArray(new CompletableFuture<?>[0])).get();
        assertThat(threads.getTotalStartedThreadCount() - before).isLessThan(50);
    }

    private static ErrorKind kindOf(java.util.function.Supplier<CompletionStage<?>> call) {
        assertThatThrownBy(() -> call.get().toCompletableFuture().get())
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(GridshiftException.class);
        try {
            call.get().toCompletableFuture().get();
            return null;
        } catch (Exception e) {
            return ((GridshiftException) e.getCause()).kind();
        }
    }

    private DispatchState state(String id) throws Exception {
        return dispatch.get(DispatchId.of(id)).toCompletableFuture().get().orElseThrow().state();
    }

    private static DispatchOrder order(String id, int revision) {
        return new DispatchOrder(
                DispatchId.of(id),
                revision,
                null,
                SITE,
                T0,
                T0.plusSeconds(60),
                T0.plusSeconds(1800),
                List.of(new DispatchAction.Reduce("batch", 100)));
    }

    private Ack ack(String id, int revision, AckStatus status) {
        return new Ack(DispatchId.of(id), revision, SITE, status, null, 90.0, clock.instant());
    }
}
