package io.gridshift.optimizer;

import io.gridshift.domain.Check;

/**
 * How the bid turns delivery histories into a firm quantity.
 *
 * @param confidence probability that the fleet delivers at least the firm kW, in [0.5, 0.999]
 * @param correlation common-mode correlation between sites' delivery ratios, in [0, 1]: 0 treats
 *     sites as independent, 1 as failing together (then the firm kW is the sum of each site's own
 *     quantile)
 * @param model how the quantile is taken
 * @param priorMean delivery ratio assumed for a site with no history, in [0, 1]
 * @param priorSd its standard deviation, in [0, 1]
 * @param priorWeight how many observations the prior is worth, at least 0
 * @param maxSteps most steps of each interval's price-quantity curve, 1 to 100
 */
public record BidOptions(
        double confidence,
        double correlation,
        Model model,
        double priorMean,
        double priorSd,
        double priorWeight,
        int maxSteps) {
    public BidOptions {
        Check.range("confidence", confidence, 0.5, 0.999);
        Check.range("correlation", correlation, 0, 1);
        Check.required("model", model);
        Check.range("priorMean", priorMean, 0, 1);
        Check.range("priorSd", priorSd, 0, 1);
        Check.range("priorWeight", priorWeight, 0, 1_000);
        Check.range("maxSteps", maxSteps, 1, 100);
    }

    /** 95 %, normal approximation, sites correlated at 0.2, prior 0.8 ± 0.2 worth 5 samples. */
    public static BidOptions defaults() {
        return new BidOptions(0.95, 0.2, Model.NORMAL, 0.8, 0.2, 5, 10);
    }

    /** The number of standard deviations the firm quantity keeps below the expected one. */
    public double sigmas() {
        return switch (model) {
            case NORMAL -> Stats.normalQuantile(confidence);
            case CANTELLI -> Math.sqrt(confidence / (1 - confidence));
            default -> throw new IllegalStateException("unknown model " + model);
        };
    }

    /** The quantile models. */
    public enum Model {
        /** The fleet's delivery is normal (many sites, central limit): z = 1.645 at 95 %. */
        NORMAL,
        /**
         * Cantelli's one-sided Chebyshev bound, true for any distribution with that mean and
         * variance: k = sqrt(c / (1 - c)) = 4.36 at 95 %. For small or lopsided fleets.
         */
        CANTELLI
    }
}
