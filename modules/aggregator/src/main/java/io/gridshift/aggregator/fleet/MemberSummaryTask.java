package io.gridshift.aggregator.fleet;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import java.io.Serializable;
import java.util.concurrent.Callable;

/** Asks one member for the totals of the sites it owns. */
final class MemberSummaryTask
        implements Callable<FleetSummary>, Serializable, HazelcastInstanceAware {
    private static final long serialVersionUID = 1L;
    private transient HazelcastInstance hz;

    @Override
    public void setHazelcastInstance(HazelcastInstance hz) {
        this.hz = hz;
    }

    @Override
    public FleetSummary call() {
        return MemberTotals.of(hz).summary();
    }
}
