package io.gridshift.aggregator.api.auth;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per API client on this node: {@code burst} requests at once, refilled at {@code
 * perSecond}. One client hammering the API is refused (429) while the others go on.
 */
public final class ClientThrottle {
    private final double perSecond;
    private final double burst;
    private final Clock clock;
    private final ConcurrentHashMap<String, double[]> buckets = new ConcurrentHashMap<>();

    public ClientThrottle(double perSecond, double burst, Clock clock) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.clock = clock;
    }

    /**
     * Takes a token for {@code client}.
     *
     * @return 0 when allowed, else the seconds to wait before the next request can pass (at least
     *     1)
     */
    public long acquire(String client) {
        if (perSecond == 0) {
            return 0;
        }
        long now = clock.millis();
        // [tokens, lastMillis]
        double[] b = buckets.computeIfAbsent(client, k -> new double[] {burst, now});
        synchronized (b) {
            if (now > b[1]) {
                b[0] = Math.min(burst, b[0] + (now - b[1]) * perSecond / 1000.0);
                b[1] = now;
            }
            if (b[0] >= 1) {
                b[0] -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - b[0]) / perSecond));
        }
    }

    /** Clients with a bucket on this node. */
    public int tracked() {
        return buckets.size();
    }
}
