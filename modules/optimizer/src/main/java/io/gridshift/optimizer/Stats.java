package io.gridshift.optimizer;

import io.gridshift.domain.Check;

/** The few statistics the bid needs. */
final class Stats {
    private Stats() {}

    /** Standard normal CDF from erf (Abramowitz and Stegun 7.1.26, error below 1.5e-7). */
    static double normalCdf(double z) {
        double x = Math.abs(z) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double poly =
                t
                        * (0.254829592
                                + t
                                        * (-0.284496736
                                                + t
                                                        * (1.421413741
                                                                + t
                                                                        * (-1.453152027
                                                                                + t
                                                                                        * 1.061405429))));
        double erf = 1 - poly * Math.exp(-x * x);
        return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }

    /** The z with {@code normalCdf(z) = p}, by bisection (60 halvings of [-10, 10]). */
    static double normalQuantile(double p) {
        Check.range("confidence", p, 1e-9, 1 - 1e-9);
        double lo = -10;
        double hi = 10;
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            if (normalCdf(mid) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }
}
