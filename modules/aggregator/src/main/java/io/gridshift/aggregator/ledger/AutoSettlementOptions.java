package io.gridshift.aggregator.ledger;

import io.gridshift.domain.error.InvalidFieldException;
import java.time.Duration;
import java.util.Objects;

/**
 * When the node holding the VEN settles ended events by itself and reports settlements to the VTN.
 *
 * @param delay how long after an event's end it is settled (the meter minutes and quarter-hour
 *     rollups are in by then); zero or negative: events are not settled automatically (settlements
 *     asked for through the REST API are still reported, and retried)
 * @param retryMin the wait before the first retry of a report the VTN did not take
 * @param retryMax the longest wait between retries (the wait doubles after each failure up to it)
 * @param checkEvery how often the node looks for events to settle and reports owed (wall time; what
 *     is due is decided by the node's clock)
 */
public record AutoSettlementOptions(
        Duration delay, Duration retryMin, Duration retryMax, Duration checkEvery) {

    public AutoSettlementOptions {
        Objects.requireNonNull(delay, "delay");
        positive("retryMin", retryMin);
        positive("retryMax", retryMax);
        positive("checkEvery", checkEvery);
        if (retryMax.compareTo(retryMin) < 0) {
            throw new InvalidFieldException(
                    "retryMax", "range", retryMax, "must be at least retryMin " + retryMin);
        }
    }

    /** Settled 5 minutes after the end; retries after 1, 2, 4 ... up to 60 minutes; checks 30 s. */
    public static AutoSettlementOptions defaults() {
        return new AutoSettlementOptions(
                Duration.ofMinutes(5),
                Duration.ofMinutes(1),
                Duration.ofMinutes(60),
                Duration.ofSeconds(30));
    }

    /** Whether ended events are settled automatically. */
    public boolean enabled() {
        return !delay.isNegative() && !delay.isZero();
    }

    /** The wait after the {@code failures}-th failed report in a row (1 for the first). */
    public Duration backoff(int failures) {
        Duration wait = retryMin;
        for (int i = 1; i < failures && wait.compareTo(retryMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(retryMax) > 0 ? retryMax : wait;
    }

    public AutoSettlementOptions withDelay(Duration d) {
        return new AutoSettlementOptions(d, retryMin, retryMax, checkEvery);
    }

    public AutoSettlementOptions withCheckEvery(Duration d) {
        return new AutoSettlementOptions(delay, retryMin, retryMax, d);
    }

    private static void positive(String field, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new InvalidFieldException(field, "range", d, "must be a positive duration");
        }
    }
}
