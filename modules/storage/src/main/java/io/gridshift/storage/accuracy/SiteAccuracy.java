package io.gridshift.storage.accuracy;

import io.gridshift.domain.site.SiteId;

/**
 * How well one baseline method predicted one site's load on the tested days. Over the {@code n}
 * intervals of the days used, with {@code b} the baseline and {@code a} the metered mean kW of an
 * interval:
 *
 * <ul>
 *   <li>{@code meanActualKw} = mean(a)
 *   <li>{@code rmseKw} = sqrt(mean((b − a)²))
 *   <li>{@code cvRmse} = rmseKw / meanActualKw
 *   <li>{@code biasKw} = mean(b − a): positive when the baseline overstates the load (pays for
 *       reductions that did not happen)
 *   <li>{@code bias} = biasKw / meanActualKw
 * </ul>
 *
 * All are NaN when no day could be used ({@code intervals} 0) and the ratios are NaN when the mean
 * load is 0.
 *
 * @param method the baseline method
 * @param site the site
 * @param daysUsed tested days with a baseline and metered load in every interval of the window
 * @param daysSkipped tested days without (too little history, or gaps in the window)
 * @param intervals the intervals of the days used
 */
public record SiteAccuracy(
        String method,
        SiteId site,
        int daysUsed,
        int daysSkipped,
        int intervals,
        double meanActualKw,
        double rmseKw,
        double cvRmse,
        double biasKw,
        double bias) {

    /** Running sums of one method and site; {@link #result} applies the definitions above. */
    static final class Sums {
        private int daysUsed;
        private int daysSkipped;
        private int n;
        private double sumActual;
        private double sumError;
        private double sumSquaredError;

        void add(double baselineKw, double actualKw) {
            double e = baselineKw - actualKw;
            n++;
            sumActual += actualKw;
            sumError += e;
            sumSquaredError += e * e;
        }

        void dayUsed() {
            daysUsed++;
        }

        void daySkipped() {
            daysSkipped++;
        }

        SiteAccuracy result(String method, SiteId site) {
            double meanActual = n == 0 ? Double.NaN : sumActual / n;
            double rmse = n == 0 ? Double.NaN : Math.sqrt(sumSquaredError / n);
            double biasKw = n == 0 ? Double.NaN : sumError / n;
            return new SiteAccuracy(
                    method,
                    site,
                    daysUsed,
                    daysSkipped,
                    n,
                    meanActual,
                    rmse,
                    ratio(rmse, meanActual),
                    biasKw,
                    ratio(biasKw, meanActual));
        }

        private static double ratio(double v, double mean) {
            return mean == 0 ? Double.NaN : v / mean;
        }
    }
}
