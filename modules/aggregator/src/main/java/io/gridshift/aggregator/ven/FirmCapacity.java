package io.gridshift.aggregator.ven;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What the fleet can deliver firmly: the bid's kW per interval (at the bid's confidence, 95 %),
 * which the opt decision holds an event's requested reduction against.
 */
@FunctionalInterface
public interface FirmCapacity {
    /** No bid: the decision falls back on the fleet's flexibility. */
    FirmCapacity NONE = (zones, start, intervals) -> CompletableFuture.completedFuture(List.of());

    /**
     * @param zones the zones the event addresses; empty: the whole fleet
     * @param start the event's (randomized) start
     * @param intervals its intervals
     * @return the firm kW per interval; empty when it cannot say
     */
    CompletionStage<List<Double>> firmKw(
            Set<String> zones, Instant start, List<Duration> intervals);
}
