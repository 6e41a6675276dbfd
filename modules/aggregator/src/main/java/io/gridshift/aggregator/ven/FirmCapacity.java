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
     * The bid for an event that names sites.
     *
     * @param firmKw the named sites' firm kW per interval, together; empty when it cannot say
     * @param withoutFirmKw named sites that are online with an envelope but whose own bid is 0 kW
     *     in some interval (their resources cannot last the event, or their delivery history leaves
     *     nothing firm): they cannot take part, and are opted out of the event
     */
    record SitesBid(List<Double> firmKw, Set<String> withoutFirmKw) {
        public static final SitesBid NONE = new SitesBid(List.of(), Set.of());

        public SitesBid {
            firmKw = List.copyOf(firmKw);
            withoutFirmKw = Set.copyOf(withoutFirmKw);
        }
    }

    /**
     * @param zones the zones the event addresses; empty: the whole fleet
     * @param start the event's (randomized) start
     * @param intervals its intervals
     * @return the firm kW per interval; empty when it cannot say
     */
    CompletionStage<List<Double>> firmKw(
            Set<String> zones, Instant start, List<Duration> intervals);

    /**
     * The bid of the sites an event names; {@link SitesBid#NONE} unless the fleet can bid per site.
     */
    default CompletionStage<SitesBid> firmKwOfSites(
            Set<String> sites, Instant start, List<Duration> intervals) {
        return CompletableFuture.completedFuture(SitesBid.NONE);
    }
}
