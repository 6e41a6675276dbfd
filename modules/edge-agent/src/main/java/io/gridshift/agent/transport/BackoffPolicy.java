package io.gridshift.agent.transport;

import io.gridshift.domain.Check;
import io.gridshift.domain.error.InvalidFieldException;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How long a transport waits between reconnect attempts: exponential growth from {@code initial} by
 * {@code multiplier} up to {@code max}, each delay drawn uniformly from zero to that ceiling ("full
 * jitter"), so that a fleet of agents cut off together does not reconnect in lockstep.
 *
 * @param initial ceiling of the first delay (default 1 s; 1 ms to 1 h)
 * @param max largest ceiling (default 60 s; at least {@code initial}, at most 1 h)
 * @param multiplier growth of the ceiling per failed attempt (default 2.0; 1.0 to 10.0)
 */
public record BackoffPolicy(Duration initial, Duration max, double multiplier) {
    public static final Duration DEFAULT_INITIAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_MAX = Duration.ofSeconds(60);
    public static final double DEFAULT_MULTIPLIER = 2.0;

    private static final Duration LONGEST = Duration.ofHours(1);
    private static final Duration SHORTEST = Duration.ofMillis(1);

    public BackoffPolicy {
        positive("initial", initial);
        positive("max", max);
        if (max.compareTo(initial) < 0) {
            throw new InvalidFieldException(
                    "max", "order", max, "must be at least initial (" + initial + ")");
        }
        Check.range("multiplier", multiplier, 1.0, 10.0);
    }

    public static BackoffPolicy defaults() {
        return new BackoffPolicy(DEFAULT_INITIAL, DEFAULT_MAX, DEFAULT_MULTIPLIER);
    }

    /** A fresh back-off that draws its jitter from {@code random}. */
    public Backoff newBackoff(RandomGenerator random) {
        return new Backoff(this, random);
    }

    private static void positive(String field, Duration value) {
        Check.duration(field, value, LONGEST);
        if (value.compareTo(SHORTEST) < 0) {
            throw new InvalidFieldException(
                    field, "range", value, "must be between " + SHORTEST + " and " + LONGEST);
        }
    }
}
