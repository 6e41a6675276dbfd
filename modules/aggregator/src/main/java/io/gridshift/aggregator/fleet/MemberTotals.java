package io.gridshift.aggregator.fleet;

import com.hazelcast.core.HazelcastInstance;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The member's current {@link FleetTotals}, found by entry processors through Hazelcast's user
 * context. {@link #reset()} starts a new generation, after which every site this member owns is
 * counted again (see {@link FleetState#reconcile()}).
 */
public final class MemberTotals {
    /** The user-context key the holder is registered under. */
    public static final String CONTEXT_KEY = "gridshift.fleet.totals";

    private static final SecureRandom GENERATIONS = new SecureRandom();
    private final AtomicReference<FleetTotals> current =
            new AtomicReference<>(new FleetTotals(GENERATIONS.nextLong()));

    FleetTotals current() {
        return current.get();
    }

    void reset() {
        current.set(new FleetTotals(GENERATIONS.nextLong()));
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
