package io.gridshift.agent.transport;

import io.gridshift.domain.Check;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The delays of one reconnect loop under a {@link BackoffPolicy}: the n-th delay after a success is
 * uniform in {@code [0, min(max, initial × multiplier^n)]}. Thread-safe; the random generator is
 * injected so that tests can pin or bound the jitter.
 */
public final class Backoff {
    private final BackoffPolicy policy;
    private final RandomGenerator random;
    private int attempts;

    public Backoff(BackoffPolicy policy, RandomGenerator random) {
        this.policy = Check.required("policy", policy);
        this.random = Check.required("random", random);
    }

    /** The delay before the next attempt; each call counts one more failed attempt. */
    public synchronized Duration nextDelay() {
        long ceiling = ceilingNanos(attempts);
        if (ceiling < policy.max().toNanos()) {
            attempts++;
        }
        return Duration.ofNanos(random.nextLong(ceiling + 1));
    }

    /** The upper bound of the next delay, without drawing it. */
    public synchronized Duration nextCeiling() {
        return Duration.ofNanos(ceilingNanos(attempts));
    }

    /** Back to the first delay, after a successful connection. */
    public synchronized void reset() {
        attempts = 0;
    }

    /** Failed attempts counted since the last reset (stops counting once the ceiling is max). */
    public synchronized int attempts() {
        return attempts;
    }

    private long ceilingNanos(int n) {
        double grown = policy.initial().toNanos() * Math.pow(policy.multiplier(), n);
        // the double may overflow to infinity for large n; the cap keeps the result a long
        return (long) Math.min(grown, policy.max().toNanos());
    }
}
