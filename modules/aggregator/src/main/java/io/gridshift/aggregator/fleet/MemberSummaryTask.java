package io.gridshift.aggregator.fleet;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import java.io.Serializable;
import java.util.concurrent.Callable;

/** Asks one member for the totals of the sites it owns, and whether they are settled. */
final class MemberSummaryTask
        implements Callable<MemberSummaryTask.Answer>, Serializable, HazelcastInstanceAware {
    private static final long serialVersionUID = 1L;
    private transient HazelcastInstance hz;

    @Override
    public void setHazelcastInstance(HazelcastInstance hz) {
        this.hz = hz;
    }

    @Override
    public Answer call() {
        MemberTotals totals = MemberTotals.of(hz);
        boolean settled = totals.settled();
        return new Answer(totals.summary(), settled && totals.settled());
    }

    /**
     * One member's answer.
     *
     * @param totals the totals of the sites it owns
     * @param settled whether no partitions moved and no recount ran while they were read
     */
    record Answer(FleetSummary totals, boolean settled) implements Serializable {}
}
