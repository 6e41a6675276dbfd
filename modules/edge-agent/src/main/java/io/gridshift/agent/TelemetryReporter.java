package io.gridshift.agent;

import io.gridshift.agent.buffer.BufferedRecord;
import io.gridshift.agent.buffer.TelemetryBuffer;
import io.gridshift.agent.site.SiteReading;
import io.gridshift.agent.transport.EdgeTransport;
import io.gridshift.agent.transport.EdgeTransport.OutboundChannel;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.meter.Telemetry;
import io.gridshift.domain.site.SiteId;
import io.gridshift.edge.codec.EdgeCodec;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Turns readings into telemetry and gets them to the aggregator in order. While the link is down,
 * or while older readings still wait in the buffer, a reading goes to the buffer, so that the
 * aggregator receives everything in sequence with its original timestamp. The buffer is drained a
 * batch at a time, and a batch leaves it only when the transport confirmed every message.
 */
final class TelemetryReporter {
    private static final int FLUSH_BATCH = 256;

    private final SiteId site;
    private final EdgeTransport transport;
    private final EdgeCodec codec;
    private final TelemetryBuffer buffer;
    private final SequenceCounter sequence;
    private final AtomicBoolean flushing = new AtomicBoolean();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong buffered = new AtomicLong();

    TelemetryReporter(
            SiteId site,
            EdgeTransport transport,
            EdgeCodec codec,
            TelemetryBuffer buffer,
            SequenceCounter sequence) {
        this.site = site;
        this.transport = transport;
        this.codec = codec;
        this.buffer = buffer;
        this.sequence = sequence;
    }

    /** Reports one reading taken at {@code now}. Runs on the agent's loop. */
    void report(SiteReading r, Instant now, DispatchId activeDispatch) {
        Telemetry telemetry =
                new Telemetry(
                        site,
                        sequence.next(),
                        now,
                        r.facilityKw(),
                        r.itKw(),
                        r.gridImportKw(),
                        r.onsiteGenKw(),
                        r.batterySocPct(),
                        activeDispatch);
        byte[] payload = codec.encode(telemetry);
        if (transport.isConnected() && !flushing.get() && buffer.isEmpty()) {
            transport
                    .send(OutboundChannel.TELEMETRY, payload)
                    .whenComplete(
                            (ok, error) -> {
                                if (error == null) {
                                    sent.incrementAndGet();
                                } else {
                                    keep(payload);
                                }
                            });
        } else {
            keep(payload);
        }
    }

    private void keep(byte[] payload) {
        buffer.append(payload);
        buffered.incrementAndGet();
    }

    /**
     * Sends the buffered readings in order, one batch after another, while the link holds. {@code
     * onLoop} runs the next step on the agent's loop (the transport confirms on its own threads).
     */
    void flush(Consumer<Runnable> onLoop) {
        if (!flushing.compareAndSet(false, true)) {
            return;
        }
        flushNext(onLoop);
    }

    private void flushNext(Consumer<Runnable> onLoop) {
        List<BufferedRecord> batch = transport.isConnected() ? buffer.peek(FLUSH_BATCH) : List.of();
        if (batch.isEmpty()) {
            flushing.set(false);
            return;
        }
        CompletableFuture<?>[] sends = new CompletableFuture<?>[batch.size()];
        for (int i = 0; i < sends.length; i++) {
            sends[i] = transport.send(OutboundChannel.TELEMETRY, batch.get(i).payload());
        }
        long last = batch.get(batch.size() - 1).index();
        CompletableFuture.allOf(sends)
                .whenComplete(
                        (ok, error) ->
                                onLoop.accept(
                                        () -> {
                                            if (error != null) {
                                                flushing.set(false);
                                                return;
                                            }
                                            buffer.commitThrough(last);
                                            sent.addAndGet(sends.length);
                                            flushNext(onLoop);
                                        }));
    }

    long sent() {
        return sent.get();
    }

    long buffered() {
        return buffered.get();
    }
}
