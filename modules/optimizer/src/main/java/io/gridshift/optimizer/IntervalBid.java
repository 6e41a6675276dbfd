package io.gridshift.optimizer;

import java.util.List;

/**
 * The fleet's bid for one interval.
 *
 * @param interval the interval's index in the horizon
 * @param availableKw what the envelopes offer, sustained over the event, net of the reserve
 * @param expectedKw what the fleet is expected to deliver of it (mean delivery ratios)
 * @param sdKw the standard deviation of the delivery
 * @param firmKw what it delivers with the bid's confidence: the quantity to commit
 * @param curve price-quantity steps, prices rising, the last one at {@code firmKw}
 */
public record IntervalBid(
        int interval,
        double availableKw,
        double expectedKw,
        double sdKw,
        double firmKw,
        List<PriceStep> curve) {
    public IntervalBid {
        curve = List.copyOf(curve);
    }
}
