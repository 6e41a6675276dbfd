package io.gridshift.aggregator.fleet;

import com.hazelcast.core.HazelcastInstance;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The member's current {@link FleetTotals}, found by entry processors through Hazelcast's user
 * context. {@link #reset()} starts a new generation, after which every site this member owns is
 * counted again (see {@link FleetState#reconcile()}).
 *
 * <p>While partitions move, or a recount is queued or running, the member's totals may still count
 * a site that another member has taken over, or not yet count one it received: the member is then
 * not {@linkplain #settled() settled}, and the fleet's totals are asked again a little later.
 */
public final class MemberTotals {
    /** The user-context key the holder is registered under. */
    public static final String CONTEXT_KEY = "gridshift.fleet.totals";

    private static final SecureRandom GENERATIONS = new SecureRandom();
    private final AtomicReference<FleetTotals> current =
            new AtomicReference<>(new FleetTotals(GENERATIONS.nextLong()));
    private final AtomicInteger recounts = new AtomicInteger();
    private volatile boolean migrating;

    FleetTotals current() {
        return current.get();
    }

    void reset() {
        current.set(new FleetTotals(GENERATIONS.nextLong()));
    }

    void migrating(boolean now) {
        migrating = now;
    }

    void recountQueued() {
        recounts.incrementAndGet();
    }

    void recountDone() {
        recounts.decrementAndGet();
    }

    /** Whether no partitions are moving and no recount is queued or running. */
    public boolean settled() {
        return !migrating && recounts.get() == 0;
    }

    /** The totals of the sites this member owns. */
    public FleetSummary summary() {
        return current.get().summary();
    }

    static MemberTotals of(HazelcastInstance hz) {
        Object holder = hz.getUserContext().get(CONTEXT_KEY);
        if (holder instanceof MemberTotals t) {
            return t;
        }
        throw new IllegalStateException(
                "the Hazelcast member has no " + CONTEXT_KEY + " in its user context");
    }
}
