package io.gridshift.agent.dispatch;

import io.gridshift.domain.dispatch.Ack;
import io.gridshift.domain.dispatch.AckStatus;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.time.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An executor wired as the agent wires it, over a real {@link OrderStore} in a folder, a {@link
 * RecordingSiteAdapter} and a {@link ManualClock}; plays the agent's scheduler and restarts.
 */
final class ExecutorFixture {
    static final DispatchOptions OPTIONS =
            DispatchOptions.defaults().withActiveAckPeriod(Duration.ofSeconds(10));

    final ManualClock clock = new ManualClock(Orders.NOW);
    final RecordingSiteAdapter site = new RecordingSiteAdapter();
    final List<Ack> acks = new ArrayList<>();
    final Path folder;
    final DispatchOptions options;
    final boolean fsync;
    DispatchExecutor executor;

    ExecutorFixture(Path folder) {
        this(folder, OPTIONS);
    }

    ExecutorFixture(Path folder, DispatchOptions options) {
        this(folder, options, true);
    }

    /** Without fsync for the property runs: thousands of saves, same behaviour, faster disk. */
    ExecutorFixture(Path folder, DispatchOptions options, boolean fsync) {
        this.folder = folder;
        this.options = options;
        this.fsync = fsync;
        this.executor = start();
    }

    /** A new executor over the same folder and site, as after the agent process restarted. */
    DispatchExecutor restart() {
        executor = start();
        return executor;
    }

    private DispatchExecutor start() {
        DispatchExecutor e =
                new DispatchExecutor(
                        RecordingSiteAdapter.SITE,
                        site,
                        new OrderStore(folder, OrderCodec.edgeJson(), fsync),
                        acks::add,
                        options);
        e.recover(clock.instant());
        return e;
    }

    void send(DispatchOrder order) {
        executor.onOrder(order, clock.instant());
    }

    void at(String isoInstant) {
        clock.set(Instant.parse(isoInstant));
    }

    /**
     * The agent with no periodic ticks at all: only a timer at {@link
     * DispatchExecutor#nextDeadline()}, up to and including {@code until}.
     */
    void runTimersUntil(Instant until) {
        for (int i = 0; i < 1000; i++) {
            Optional<Instant> next = executor.nextDeadline();
            if (next.isEmpty() || next.get().isAfter(until)) {
                break;
            }
            clock.set(next.get().isAfter(clock.instant()) ? next.get() : clock.instant());
            executor.tick(clock.instant());
        }
        clock.set(until);
    }

    /** The agent's scheduler: a tick every {@code period} and at every deadline. */
    void runTicksUntil(Instant until, Duration period) {
        while (clock.instant().isBefore(until)) {
            Instant next = clock.instant().plus(period);
            Optional<Instant> deadline = executor.nextDeadline();
            if (deadline.isPresent()
                    && deadline.get().isAfter(clock.instant())
                    && deadline.get().isBefore(next)) {
                next = deadline.get();
            }
            clock.set(next.isAfter(until) ? until : next);
            executor.tick(clock.instant());
        }
    }

    /** Acks as {@code "d-1#1 ACTIVE 1500.0 @06:00:00"}, the reason shortened to its code. */
    List<String> ackLog() {
        List<String> lines = new ArrayList<>();
        for (Ack ack : acks) {
            lines.add(describe(ack));
        }
        return lines;
    }

    List<String> takeAckLog() {
        List<String> lines = ackLog();
        acks.clear();
        return lines;
    }

    static String describe(Ack ack) {
        StringBuilder line =
                new StringBuilder(ack.dispatchId() + "#" + ack.revision() + " " + ack.status());
        if (ack.reason() != null) {
            int colon = ack.reason().indexOf(':');
            line.append(' ').append(colon < 0 ? ack.reason() : ack.reason().substring(0, colon));
        }
        if (ack.achievedKw() != null) {
            line.append(' ').append(ack.achievedKw());
        }
        line.append(" @").append(ack.ts().toString(), 11, 19);
        return line.toString();
    }

    List<AckStatus> statuses() {
        return acks.stream().map(Ack::status).toList();
    }
}
