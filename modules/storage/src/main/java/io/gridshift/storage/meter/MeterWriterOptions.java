package io.gridshift.storage.meter;

import io.gridshift.domain.Check;
import java.time.Duration;

/**
 * How the meter writer buffers and writes.
 *
 * @param queueCapacity telemetry readings the queue holds before {@code offer} waits (1 to 10
 *     million)
 * @param offerTimeout how long {@code offer} waits for room before refusing the reading (0: refuse
 *     at once; at most 1 minute)
 * @param batchSize rows per JDBC batch (1 to 100,000)
 * @param grace how long after a minute's end its late readings are still taken (at most 10 minutes)
 * @param tick how often the writer thread looks at the clock when no telemetry arrives (1 ms to 10
 *     s)
 */
public record MeterWriterOptions(
        int queueCapacity, Duration offerTimeout, int batchSize, Duration grace, Duration tick) {
    public static final MeterWriterOptions DEFAULTS =
            new MeterWriterOptions(
                    200_000,
                    Duration.ofMillis(100),
                    2_000,
                    Duration.ofSeconds(10),
                    Duration.ofMillis(200));

    public MeterWriterOptions {
        Check.range("meter.queueCapacity", queueCapacity, 1, 10_000_000);
        Check.duration("meter.offerTimeout", offerTimeout, Duration.ofMinutes(1));
        Check.range("meter.batchSize", batchSize, 1, 100_000);
        Check.duration("meter.grace", grace, Duration.ofMinutes(10));
        Check.duration("meter.tick", tick, Duration.ofSeconds(10));
        if (tick.toMillis() < 1) {
            Check.range("meter.tick", tick.toMillis(), 1, 10_000);
        }
    }

    public MeterWriterOptions withQueueCapacity(int n) {
        return new MeterWriterOptions(n, offerTimeout, batchSize, grace, tick);
    }

    public MeterWriterOptions withOfferTimeout(Duration d) {
        return new MeterWriterOptions(queueCapacity, d, batchSize, grace, tick);
    }

    public MeterWriterOptions withBatchSize(int n) {
        return new MeterWriterOptions(queueCapacity, offerTimeout, n, grace, tick);
    }

    public MeterWriterOptions withTick(Duration d) {
        return new MeterWriterOptions(queueCapacity, offerTimeout, batchSize, grace, d);
    }
}
