package io.gridshift.aggregator.fleet;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.gridshift.aggregator.cluster.Stages;
import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.meter.Telemetry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files readings in batches: a reading waits at most {@code batchDelay} for others, then each
 * partition holding some of the batch's sites gets one processor carrying just its sites' readings,
 * run on the partition's owner. A reader that must know the reading is stored (QoS 1, a confirmable
 * request) waits on the future {@link #submit} returns.
 */
final class TelemetryBatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TelemetryBatcher.class);
    private static final int MAX_IN_FLIGHT = 1024;

    private record Item(
            Telemetry reading, Origin origin, long heardMillis, CompletableFuture<Void> done) {}

    private final IMap<String, SiteRecord> map;
    private final MemberTotals totals;
    private final FleetOptions options;
    private final Clock clock;
    private final IntConsumer duplicates;
    private final BlockingQueue<Item> queue;
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final Thread flusher;
    private volatile boolean running = true;

    TelemetryBatcher(
            HazelcastInstance hz,
            IMap<String, SiteRecord> map,
            MemberTotals totals,
            FleetOptions options,
            Clock clock,
            IntConsumer duplicates) {
        this.map = map;
        this.totals = totals;
        this.options = options;
        this.clock = clock;
        this.duplicates = duplicates;
        this.queue = new ArrayBlockingQueue<>(options.queueCapacity());
        this.flusher = new Thread(this::run, "gridshift-telemetry-batcher");
        flusher.setDaemon(true);
        flusher.start();
    }

    /**
     * Queues a reading.
     *
     * @param confirm whether the caller wants to know when it is stored
     * @return completes when stored, or {@code null} when {@code confirm} is false
     * @throws GridshiftException {@link ErrorKind#UNAVAILABLE} ({@code overloaded}) when the queue
     *     is full
     */
    CompletableFuture<Void> submit(Telemetry reading, Origin origin, boolean confirm) {
        CompletableFuture<Void> done = confirm ? new CompletableFuture<>() : null;
        if (!running || !queue.offer(new Item(reading, origin, clock.millis(), done))) {
            throw new GridshiftException(
                    ErrorKind.UNAVAILABLE,
                    "overloaded",
                    "telemetry: the node's filing queue is full ("
                            + options.queueCapacity()
                            + " readings); try again later");
        }
        return done;
    }

    /** Readings waiting to be filed. */
    int backlog() {
        return queue.size();
    }

    private void run() {
        List<Item> batch = new ArrayList<>(options.batchSize());
        long delayNanos = options.batchDelay().toNanos();
        while (running || !queue.isEmpty()) {
            try {
                Item first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                long deadline = System.nanoTime() + delayNanos;
                while (batch.size() < options.batchSize()) {
                    long left = deadline - System.nanoTime();
                    Item next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                }
                file(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("filing a batch of {} readings failed", batch.size(), e);
                fail(batch, e);
            }
            batch = new ArrayList<>(options.batchSize());
        }
    }

    /**
     * One single-key operation per site of the batch, carrying that site's readings. Measured on
     * two cores: one multi-key call for a whole batch spent most of its time hashing (Hazelcast
     * hands the whole key set to every partition's operation, which picks out its own keys), and
     * one multi-key call per partition most of it in the per-call bookkeeping across partitions;
     * single-key operations go straight to their partition's thread.
     */
    private void file(List<Item> batch) throws InterruptedException {
        Map<String, List<Item>> bySite = new LinkedHashMap<>();
        for (Item item : batch) {
            bySite.computeIfAbsent(item.reading().site().value(), k -> new ArrayList<>(2))
                    .add(item);
        }
        long now = clock.millis();
        for (Map.Entry<String, List<Item>> site : bySite.entrySet()) {
            List<Item> items = site.getValue();
            List<Telemetry> readings = new ArrayList<>(items.size());
            long heard = Long.MIN_VALUE;
            for (Item i : items) {
                readings.add(i.reading());
                heard = Math.max(heard, i.heardMillis());
            }
            Origin last = items.get(items.size() - 1).origin();
            ApplyTelemetry processor =
                    new ApplyTelemetry(
                            Map.of(site.getKey(), new ApplyTelemetry.Batch(last, heard, readings)),
                            now,
                            options.windowReadings(),
                            totals);
            inFlight.acquire();
            Stages.settled(map.submitToKey(site.getKey(), processor))
                    .whenComplete(
                            (dups, error) -> {
                                inFlight.release();
                                complete(items, dups, error);
                            });
        }
    }

    private void complete(List<Item> items, Integer dups, Throwable error) {
        if (dups != null && dups > 0) {
            duplicates.accept(dups);
        }
        for (Item i : items) {
            if (i.done() == null) {
                continue;
            }
            if (error == null) {
                i.done().complete(null);
            } else {
                i.done().completeExceptionally(error);
            }
        }
        if (error != null) {
            LOG.warn(
                    "filing {} readings of {} failed: {}",
                    items.size(),
                    items.get(0).reading().site(),
                    error.toString());
        }
    }

    private static void fail(List<Item> batch, Throwable e) {
        for (Item i : batch) {
            if (i.done() != null) {
                i.done().completeExceptionally(e);
            }
        }
    }

    /** Files what is queued, then stops. */
    @Override
    public void close() {
        running = false;
        try {
            flusher.join(TimeUnit.SECONDS.toMillis(10));
            inFlight.acquire(MAX_IN_FLIGHT);
            inFlight.release(MAX_IN_FLIGHT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
