package io.gridshift.optimizer;

import java.util.List;

/**
 * The fleet's bid over an event's horizon.
 *
 * @param intervals one per interval
 * @param sigmas standard deviations kept below the expected delivery (from the options)
 */
public record Bid(List<IntervalBid> intervals, double sigmas) {
    public Bid {
        intervals = List.copyOf(intervals);
    }

    /** The least firm kW over the horizon: what a flat commitment may promise. */
    public double flatFirmKw() {
        return intervals.stream().mapToDouble(IntervalBid::firmKw).min().orElse(0);
    }
}
