package io.gridshift.aggregator.dispatch;

import java.time.Duration;

/**
 * How orders are chased.
 *
 * @param ackTimeout how long to wait for the first ack before sending again (default 5 s)
 * @param maxAttempts sends of one revision before it is marked unacknowledged (default 4)
 * @param retryInterval how often each member looks for orders due a resend (default 1 s)
 */
public record DispatchOptions(Duration ackTimeout, int maxAttempts, Duration retryInterval) {
    public DispatchOptions {
        if (ackTimeout.isNegative() || ackTimeout.isZero()) {
            throw new IllegalArgumentException("dispatch.ackTimeout: must be positive");
        }
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException(
                    "dispatch.maxAttempts: must be between 1 and 100, got " + maxAttempts);
        }
        if (retryInterval.isNegative() || retryInterval.isZero()) {
            throw new IllegalArgumentException("dispatch.retryInterval: must be positive");
        }
    }

    public static DispatchOptions defaults() {
        return new DispatchOptions(Duration.ofSeconds(5), 4, Duration.ofSeconds(1));
    }
}
