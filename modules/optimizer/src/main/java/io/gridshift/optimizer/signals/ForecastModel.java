package io.gridshift.optimizer.signals;

import io.gridshift.domain.Check;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * How a forecast issued at {@code issuedAt} differs from the actuals. The scheduler plans on {@link
 * #forecast}; the plan is scored on the actuals. All models are deterministic for a given seed,
 * zone and issue time.
 */
public sealed interface ForecastModel {
    /**
     * The forecast of {@code actual} as known at {@code issuedAt} for the steps from {@code
     * issuedAt} on. Steps before {@code issuedAt} are returned as they were (they are history).
     */
    ZoneSignal forecast(ZoneSignal actual, Instant issuedAt);

    /** A name for reports, e.g. {@code perfect}, {@code ar1(sigma=0.15,phi=0.9,seed=7)}. */
    String label();

    /** The forecast is the actual. */
    record Perfect() implements ForecastModel {
        @Override
        public ZoneSignal forecast(ZoneSignal actual, Instant issuedAt) {
            return actual;
        }

        @Override
        public String label() {
            return "perfect";
        }
    }

    /**
     * Multiplicative AR(1) error: {@code forecast = actual * max(0, 1 + e[k])} with {@code e[k] =
     * phi e[k-1] + sigma sqrt(1 - phi^2) n[k]}, {@code n} standard normal, {@code e[0]} drawn from
     * the stationary distribution, so every step's relative error has sd {@code sigma} and
     * neighbouring steps err the same way (as a real weather-driven forecast does). Price and
     * carbon get independent error paths.
     *
     * @param sigma relative error sd (0.1 = 10 %)
     * @param phi step-to-step correlation in [0, 1)
     * @param seed random seed
     */
    record Ar1(double sigma, double phi, long seed) implements ForecastModel {
        public Ar1 {
            Check.range("sigma", sigma, 0, 2);
            Check.range("phi", phi, 0, 0.999);
        }

        @Override
        public ZoneSignal forecast(ZoneSignal actual, Instant issuedAt) {
            SplittableRandom rnd =
                    new SplittableRandom(
                            seed * 1_000_003L
                                    + actual.zone().code().hashCode() * 31L
                                    + issuedAt.getEpochSecond());
            double[] p = actual.pricePerMwh().clone();
            double[] c = actual.carbonGPerKwh().clone();
            int from = Math.max(0, firstFuture(actual, issuedAt));
            perturb(p, from, rnd, true);
            perturb(c, from, rnd, false);
            return new ZoneSignal(actual.zone(), actual.start(), actual.step(), p, c);
        }

        private void perturb(double[] v, int from, SplittableRandom rnd, boolean signed) {
            double e = sigma * gaussian(rnd);
            double innovation = sigma * Math.sqrt(1 - phi * phi);
            for (int k = from; k < v.length; k++) {
                if (k > from) {
                    e = phi * e + innovation * gaussian(rnd);
                }
                double f = Math.max(0, 1 + e);
                double x = v[k] * f;
                // a negative price stays a price; carbon cannot go below zero
                v[k] = signed ? clampPrice(x) : Math.min(x, ZoneSignal.MAX_CARBON_G_PER_KWH);
            }
        }

        @Override
        public String label() {
            return "ar1(sigma=" + sigma + ",phi=" + phi + ",seed=" + seed + ")";
        }
    }

    /**
     * Persistence: every step after {@code issuedAt} is forecast as the same hour of the last day
     * before {@code issuedAt} ("same hour yesterday"), the naive forecast that any real one must
     * beat.
     */
    record Persistence() implements ForecastModel {
        @Override
        public ZoneSignal forecast(ZoneSignal actual, Instant issuedAt) {
            double[] p = actual.pricePerMwh().clone();
            double[] c = actual.carbonGPerKwh().clone();
            int from = Math.max(0, firstFuture(actual, issuedAt));
            int perDay = (int) (Duration.ofDays(1).toNanos() / actual.step().toNanos());
            for (int k = from; k < p.length; k++) {
                int days = (k - from) / perDay + 1;
                int src = k - days * perDay;
                if (src >= 0) {
                    p[k] = actual.pricePerMwh()[src];
                    c[k] = actual.carbonGPerKwh()[src];
                }
                // no history a day back (series starts at issuedAt): keep the actual, said in
                // README
            }
            return new ZoneSignal(actual.zone(), actual.start(), actual.step(), p, c);
        }

        @Override
        public String label() {
            return "persistence";
        }
    }

    private static int firstFuture(ZoneSignal s, Instant issuedAt) {
        if (!issuedAt.isAfter(s.start())) {
            return 0;
        }
        long n =
                (Duration.between(s.start(), issuedAt).toNanos() + s.step().toNanos() - 1)
                        / s.step().toNanos();
        return (int) Math.min(n, s.steps());
    }

    private static double clampPrice(double x) {
        return Math.max(-ZoneSignal.MAX_PRICE_PER_MWH, Math.min(ZoneSignal.MAX_PRICE_PER_MWH, x));
    }

    private static double gaussian(SplittableRandom rnd) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17
        double u = 1 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
