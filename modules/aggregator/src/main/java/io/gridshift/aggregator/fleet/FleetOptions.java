package io.gridshift.aggregator.fleet;

import java.time.Duration;

/**
 * How the fleet state keeps sites.
 *
 * @param windowReadings readings kept per site for the recent-telemetry query (default 120: ten
 *     minutes at one reading each 5 s)
 * @param staleAfter a site silent this long goes stale and leaves the totals (default 30 s, three
 *     times the slowest telemetry period of the protocol)
 * @param sweepInterval how often each member looks for stale sites and expired envelopes (5 s)
 * @param batchSize most readings filed in one batch (1,024)
 * @param batchDelay longest a reading waits for its batch to fill (5 ms)
 * @param queueCapacity readings waiting to be filed before new ones are refused (131,072)
 */
public record FleetOptions(
        int windowReadings,
        Duration staleAfter,
        Duration sweepInterval,
        int batchSize,
        Duration batchDelay,
        int queueCapacity) {
    public FleetOptions {
        positive("windowReadings", windowReadings);
        positive("batchSize", batchSize);
        positive("queueCapacity", queueCapacity);
        if (staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("staleAfter: must be positive");
        }
        if (sweepInterval.isNegative() || sweepInterval.isZero()) {
            throw new IllegalArgumentException("sweepInterval: must be positive");
        }
    }

    public static FleetOptions defaults() {
        return new FleetOptions(
                120,
                Duration.ofSeconds(30),
                Duration.ofSeconds(5),
                1024,
                Duration.ofMillis(5),
                131_072);
    }

    public FleetOptions withStaleAfter(Duration d) {
        return new FleetOptions(
                windowReadings, d, sweepInterval, batchSize, batchDelay, queueCapacity);
    }

    public FleetOptions withWindowReadings(int n) {
        return new FleetOptions(n, staleAfter, sweepInterval, batchSize, batchDelay, queueCapacity);
    }

    private static void positive(String name, int v) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + ": must be positive, got " + v);
        }
    }
}
