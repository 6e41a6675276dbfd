package io.gridshift.optimizer;

import io.gridshift.domain.Check;
import java.util.List;

/**
 * What a site delivered against what it was asked, one ratio per past dispatch interval (delivered
 * kW / ordered kW, measured by the aggregator's closed loop). A ratio above 1 is kept as given but
 * counted as 1 by the bid: over-delivery is not promised.
 *
 * @param ratios delivered / ordered per past interval, newest last, each in [0, 10]
 */
public record DeliveryHistory(List<Double> ratios) {
    /** Most ratios kept: the newest thousand say enough. */
    public static final int MAX_SAMPLES = 1_000;

    public DeliveryHistory {
        ratios = List.copyOf(Check.size("ratios", ratios, 0, MAX_SAMPLES));
        for (int i = 0; i < ratios.size(); i++) {
            Check.range(
                    "ratios[" + i + "]", Check.required("ratios[" + i + "]", ratios.get(i)), 0, 10);
        }
    }

    /** A site never dispatched: the bid falls back on its prior. */
    public static DeliveryHistory none() {
        return new DeliveryHistory(List.of());
    }
}
