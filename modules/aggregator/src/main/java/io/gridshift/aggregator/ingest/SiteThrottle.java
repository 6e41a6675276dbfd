package io.gridshift.aggregator.ingest;

import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per site on this node, so that one site flooding the aggregator is refused ({@code
 * RATE_LIMITED}, reason {@code throttled}) while every other site goes on. The bucket holds {@code
 * burst} messages and refills at {@code perSecond}: a healthy agent sends one reading every few
 * seconds, and replays a buffered backlog at a bounded pace.
 */
public final class SiteThrottle {
    private final double perSecond;
    private final double burst;
    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    /**
     * @param perSecond sustained messages per second per site; 0 turns throttling off
     * @param burst messages a site may send at once
     */
    public SiteThrottle(double perSecond, double burst, Clock clock) {
        if (perSecond < 0 || burst < 1) {
            throw new IllegalArgumentException(
                    "ingest.siteRate must be >= 0 and ingest.siteBurst >= 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.clock = clock;
    }

    /** Takes one message's token for {@code site}, or refuses it. */
    public void acquire(String site) {
        if (perSecond == 0) {
            return;
        }
        Bucket b = buckets.computeIfAbsent(site, k -> new Bucket(burst, clock.millis()));
        if (!b.take(clock.millis(), perSecond, burst)) {
            throw new GridshiftException(
                    ErrorKind.RATE_LIMITED,
                    "throttled",
                    "site: "
                            + site
                            + " sends more than "
                            + perSecond
                            + " messages a second (burst "
                            + (long) burst
                            + ")");
        }
    }

    /** Sites with a bucket on this node (one small object each). */
    public int tracked() {
        return buckets.size();
    }

    private static final class Bucket {
        private double tokens;
        private long lastMillis;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.lastMillis = now;
        }

        synchronized boolean take(long now, double perSecond, double burst) {
            if (now > lastMillis) {
                tokens = Math.min(burst, tokens + (now - lastMillis) * perSecond / 1000.0);
                lastMillis = now;
            }
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }
    }
}
