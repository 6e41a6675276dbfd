package io.gridshift.aggregator;

import io.gridshift.aggregator.dispatch.DispatchService;
import io.gridshift.aggregator.fleet.FleetState;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's periodic work on what its member owns: the fleet sweep (stale sites, expired
 * envelopes) and the dispatch retries. Both are blocking Hazelcast calls, so they run on a worker,
 * one at a time each.
 */
final class Housekeeping extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

    private final FleetState fleet;
    private final DispatchService dispatch;
    private final Duration sweepInterval;
    private final Duration retryInterval;

    Housekeeping(
            FleetState fleet,
            DispatchService dispatch,
            Duration sweepInterval,
            Duration retryInterval) {
        this.fleet = fleet;
        this.dispatch = dispatch;
        this.sweepInterval = sweepInterval;
        this.retryInterval = retryInterval;
    }

    @Override
    public Future<?> start() {
        every(sweepInterval, "fleet sweep", fleet::sweep);
        every(retryInterval, "dispatch retries", dispatch::retryDue);
        return Future.succeededFuture();
    }

    private void every(Duration interval, String what, Runnable work) {
        vertx.setPeriodic(
                interval.toMillis(),
                id ->
                        vertx.executeBlocking(
                                        () -> {
                                            work.run();
                                            return null;
                                        },
                                        true)
                                .onFailure(e -> LOG.warn("{} failed: {}", what, e.toString())));
    }
}
