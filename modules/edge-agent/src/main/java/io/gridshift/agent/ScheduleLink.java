package io.gridshift.agent;

import io.gridshift.agent.transport.EdgeTransport;
import io.gridshift.agent.transport.EdgeTransport.OutboundChannel;
import io.gridshift.domain.schedule.PlanAck;
import io.gridshift.domain.schedule.SiteJobs;
import io.gridshift.edge.codec.EdgeCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * The agent's side of the day-ahead plan on the link: the jobs message (on change and at least
 * every report period) and the plan acks (kept until the transport confirmed them, newest per
 * version). Runs on the agent's loop, except the confirmations.
 *
 * <p>The jobs message's {@code seq} is the report time in milliseconds, raised by one when two
 * reports share a millisecond: it keeps rising across restarts as long as the clock does.
 */
final class ScheduleLink {
    private final EdgeTransport transport;
    private final EdgeCodec codec;
    private final Duration period;
    private final Map<String, PlanAck> pending = new LinkedHashMap<>();
    private final AtomicLong jobsSent = new AtomicLong();
    private final AtomicLong acksSent = new AtomicLong();
    private long lastSeq = -1;
    private long reportedChanges = -1;
    private Instant nextReport = Instant.MIN;

    ScheduleLink(EdgeTransport transport, EdgeCodec codec, Duration period) {
        this.transport = transport;
        this.codec = codec;
        this.period = period;
    }

    /** Sends the jobs message when the book changed, when it is due, or when {@code force}. */
    void reportJobs(Instant now, long changes, boolean force, LongFunction<SiteJobs> report) {
        if (!transport.isConnected()) {
            return;
        }
        if (!force && changes == reportedChanges && now.isBefore(nextReport)) {
            return;
        }
        lastSeq = Math.max(lastSeq + 1, now.toEpochMilli());
        transport
                .send(OutboundChannel.JOBS, codec.encode(report.apply(lastSeq)))
                .thenRun(jobsSent::incrementAndGet);
        reportedChanges = changes;
        nextReport = now.plus(period);
    }

    synchronized void offer(PlanAck ack) {
        String key = ack.planId().value() + "#" + ack.version() + "#" + ack.status();
        pending.remove(key);
        pending.put(key, ack);
    }

    void drain() {
        if (!transport.isConnected()) {
            return;
        }
        List<Map.Entry<String, PlanAck>> batch;
        synchronized (this) {
            batch = new ArrayList<>(pending.entrySet());
        }
        for (Map.Entry<String, PlanAck> e : batch) {
            transport
                    .send(OutboundChannel.PLAN_ACK, codec.encode(e.getValue()))
                    .thenRun(() -> confirmed(e.getKey(), e.getValue()));
        }
    }

    private synchronized void confirmed(String key, PlanAck ack) {
        if (ack.equals(pending.get(key))) {
            pending.remove(key);
        }
        acksSent.incrementAndGet();
    }

    long jobsSent() {
        return jobsSent.get();
    }

    long acksSent() {
        return acksSent.get();
    }
}
