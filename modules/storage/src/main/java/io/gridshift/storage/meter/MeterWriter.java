package io.gridshift.storage.meter;

import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.meter.MeterReading;
import io.gridshift.domain.meter.Telemetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes telemetry from any thread, aggregates it into 1-minute intervals per site on its own
 * thread, and writes closed minutes to {@code meter_intervals} in JDBC batches.
 *
 * <p>Back-pressure: the queue is bounded. {@link #offer} waits up to {@code offerTimeout} for room
 * and then refuses the reading (returns false, counted as {@code refused}); callers on an event
 * loop should pass an offer timeout of zero. When the database is slow or down, closed rows are
 * kept and tried again; once more than ten batches wait, the writer stops draining the queue, so
 * that the queue fills and offers are refused instead of memory growing without bound.
 *
 * <p>{@link #close()} refuses new readings, closes every open minute and writes everything before
 * it returns: a clean shutdown loses nothing. A crash loses what was not yet committed: the queue,
 * the minutes being aggregated and the batch being written (see the module README).
 */
public final class MeterWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MeterWriter.class);
    private static final int MAX_WAITING_BATCHES = 10;
    private static final int MAX_OPEN_MINUTES = 3;

    private final MeterRepository repository;
    private final MeterWriterOptions options;
    private final Clock clock;
    private final BlockingQueue<Telemetry> queue;
    private final MinuteAggregator aggregator;
    private final Thread thread;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong rowsWritten = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong writeFailures = new AtomicLong();
    private final AtomicLong quartersRolledUp = new AtomicLong();

    /** Quarters (since the epoch) before this one were rolled up by this writer. */
    private long rolledUpBefore = Long.MIN_VALUE;

    private volatile long late;
    private volatile int openMinutes;
    private volatile boolean closing;

    public MeterWriter(MeterRepository repository, MeterWriterOptions options, Clock clock) {
        this.repository = repository;
        this.options = options;
        this.clock = clock;
        this.queue = new ArrayBlockingQueue<>(options.queueCapacity());
        this.aggregator = new MinuteAggregator(options.grace());
        this.thread = new Thread(this::run, "gridshift-meter-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Queues a reading, waiting up to the offer timeout for room.
     *
     * @return false when it was refused: the queue stayed full, or the writer is closed
     */
    public boolean offer(Telemetry t) {
        if (closing) {
            refused.incrementAndGet();
            return false;
        }
        boolean ok;
        try {
            long wait = options.offerTimeout().toNanos();
            ok = wait == 0 ? queue.offer(t) : queue.offer(t, wait, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ok = false;
        }
        (ok ? accepted : refused).incrementAndGet();
        return ok;
    }

    public MeterStats stats() {
        return new MeterStats(
                accepted.get(),
                refused.get(),
                late,
                rowsWritten.get(),
                batches.get(),
                writeFailures.get(),
                queue.size(),
                openMinutes,
                quartersRolledUp.get());
    }

    private void run() {
        List<MeterReading> pending = new ArrayList<>();
        List<Telemetry> drained = new ArrayList<>();
        long tickNanos = options.tick().toNanos();
        while (true) {
            boolean stopping = closing;
            if (pending.size() < MAX_WAITING_BATCHES * options.batchSize()) {
                drain(drained, tickNanos);
            }
            if (stopping && queue.isEmpty()) {
                aggregator.closeAll(pending);
                publishCounters();
                writeAll(pending);
                publishCounters();
                if (pending.isEmpty()) {
                    rollUpClosedQuarters(true);
                }
                return;
            }
            // close minutes by the clock only once the backlog is read (or it grows old): a reading
            // still queued must not find its minute closed
            if (queue.isEmpty() || aggregator.openMinutes() > MAX_OPEN_MINUTES) {
                aggregator.closeDue(clock.instant(), pending);
            }
            publishCounters();
            if (!pending.isEmpty() && (pending.size() >= options.batchSize() || queue.isEmpty())) {
                if (!write(pending) && !closing) {
                    pauseAfterFailure();
                }
            }
            if (pending.isEmpty()) {
                rollUpClosedQuarters(false);
            }
        }
    }

    /**
     * Once every closed minute is written, rolls up the quarter hours that are closed (all of them
     * on {@code close}): one GROUP BY over their minute rows, instead of keeping the rollup in
     * every batch. A failure is logged; the quarters stay marked and are rolled up before they are
     * read.
     */
    private void rollUpClosedQuarters(boolean all) {
        long closed = aggregator.closedBefore();
        if (closed == Long.MIN_VALUE) {
            return;
        }
        long quarter =
                all ? QuarterHours.quarterOf(closed - 1) + 1 : QuarterHours.quarterOf(closed);
        if (quarter <= rolledUpBefore) {
            return;
        }
        try {
            quartersRolledUp.addAndGet(
                    repository.rollUp(Instant.ofEpochSecond(quarter * QuarterHours.MINUTES * 60L)));
            rolledUpBefore = quarter;
        } catch (GridshiftException e) {
            LOG.warn(
                    "quarter-hour rollup failed, done before the quarters are read: {}",
                    e.getMessage());
            rolledUpBefore = quarter;
        }
    }

    private void drain(List<Telemetry> drained, long tickNanos) {
        try {
            Telemetry first = queue.poll(tickNanos, TimeUnit.NANOSECONDS);
            if (first == null) {
                return;
            }
            aggregator.add(first);
            drained.clear();
            queue.drainTo(drained, options.batchSize() * 4);
            for (Telemetry t : drained) {
                aggregator.add(t);
            }
        } catch (InterruptedException e) {
            closing = true;
        }
    }

    private void publishCounters() {
        late = aggregator.late();
        openMinutes = aggregator.openCount();
    }

    /** Writes the first batch of {@code pending}; true when it was committed. */
    private boolean write(List<MeterReading> pending) {
        List<MeterReading> batch =
                pending.subList(0, Math.min(options.batchSize(), pending.size()));
        try {
            repository.insert(batch);
            rowsWritten.addAndGet(batch.size());
            batches.incrementAndGet();
            batch.clear();
            return true;
        } catch (GridshiftException e) {
            writeFailures.incrementAndGet();
            LOG.warn(
                    "meter batch of {} rows not written, kept to retry: {}",
                    batch.size(),
                    e.getMessage());
            return false;
        }
    }

    private void writeAll(List<MeterReading> pending) {
        int failures = 0;
        while (!pending.isEmpty() && failures < 3) {
            if (!write(pending)) {
                failures++;
                pauseAfterFailure();
            }
        }
        if (!pending.isEmpty()) {
            LOG.error("closing: {} meter rows could not be written and are lost", pending.size());
        }
    }

    /** Backs off before the next attempt; on the writer's own thread, never the caller's. */
    private void pauseAfterFailure() {
        try {
            TimeUnit.MILLISECONDS.sleep(Math.max(100, options.tick().toMillis()));
        } catch (InterruptedException e) {
            closing = true;
        }
    }

    /** Refuses new readings, writes everything held, and stops the writer thread. */
    @Override
    public void close() {
        closing = true;
        try {
            thread.join(Duration.ofMinutes(1).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.error("meter writer still busy after 1 minute; rows left: {}", stats());
            return;
        }
        // an offer that raced close() got into the queue after the writer's last look: count it
        // as refused, which is what its caller should have been told
        int leftover = queue.size();
        queue.clear();
        accepted.addAndGet(-leftover);
        refused.addAndGet(leftover);
    }
}
