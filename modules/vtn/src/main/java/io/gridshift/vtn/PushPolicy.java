package io.gridshift.vtn;

import java.time.Duration;
import java.util.Objects;

/**
 * How the VTN pushes messages to VENs that registered for push: each message is tried up to {@code
 * attempts} times, waiting {@code firstBackoff}, then twice as long each time, at most {@code
 * maxBackoff}. A message that was never delivered stays pending, and the VEN gets it when it polls.
 *
 * @param timeout how long one attempt may take
 */
public record PushPolicy(
        int attempts, Duration firstBackoff, Duration maxBackoff, Duration timeout) {
    public static final PushPolicy DEFAULTS =
            new PushPolicy(
                    5, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(10));

    public PushPolicy {
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(timeout, "timeout");
        if (attempts < 1) {
            throw new IllegalArgumentException("push.attempts must be at least 1, got " + attempts);
        }
        if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException(
                    "push backoff must be 0 or more and maxBackoff at least firstBackoff");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("push.timeout must be positive, got " + timeout);
        }
    }

    /** The wait before attempt {@code attempt} (2 is the first retry). */
    public Duration backoffBefore(int attempt) {
        Duration d = firstBackoff;
        for (int i = 2; i < attempt && d.compareTo(maxBackoff) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
}
