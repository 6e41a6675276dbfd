package io.gridshift.domain.flex;

import io.gridshift.domain.Check;
import io.gridshift.domain.error.InvalidFieldException;
import java.util.List;

/**
 * Throughput lost when a power cap removes a given number of kW, as a piecewise-linear curve
 * through measured points. The first point is {@code (0 kW, 0)}; both coordinates never fall. The
 * loss is a fraction of the capped work's throughput, in [0, 1].
 *
 * @param points (reductionKw, lossFraction) pairs, ascending in kW
 */
public record LossCurve(List<Point> points) {
    public LossCurve {
        points = List.copyOf(Check.size("lossCurve", points, 2, 64));
        Point first = points.get(0);
        if (first.reductionKw() != 0 || first.lossFraction() != 0) {
            throw new InvalidFieldException(
                    "lossCurve[0]", "order", first, "must be the point (0, 0)");
        }
        for (int i = 1; i < points.size(); i++) {
            Point p = points.get(i);
            Point q = points.get(i - 1);
            if (p.reductionKw() <= q.reductionKw() || p.lossFraction() < q.lossFraction()) {
                throw new InvalidFieldException(
                        "lossCurve[" + i + "]",
                        "order",
                        p,
                        "kW must rise and loss must not fall from point " + (i - 1));
            }
        }
    }

    /** A straight line from no loss to {@code lossAtMax} at {@code maxKw}. */
    public static LossCurve linear(double maxKw, double lossAtMax) {
        return new LossCurve(List.of(new Point(0, 0), new Point(maxKw, lossAtMax)));
    }

    /** The largest reduction the curve describes. */
    public double maxReductionKw() {
        return points.get(points.size() - 1).reductionKw();
    }

    /** Loss at {@code kw}, interpolated; beyond the last point the last loss holds. */
    public double lossAt(double kw) {
        if (kw <= 0) {
            return 0;
        }
        for (int i = 1; i < points.size(); i++) {
            Point p = points.get(i);
            if (kw <= p.reductionKw()) {
                Point q = points.get(i - 1);
                double t = (kw - q.reductionKw()) / (p.reductionKw() - q.reductionKw());
                return q.lossFraction() + t * (p.lossFraction() - q.lossFraction());
            }
        }
        return points.get(points.size() - 1).lossFraction();
    }

    /**
     * One measured point.
     *
     * @param reductionKw power removed by the cap
     * @param lossFraction share of throughput lost, 0 to 1
     */
    public record Point(double reductionKw, double lossFraction) {
        public Point {
            Check.powerKw("reductionKw", reductionKw);
            Check.range("lossFraction", lossFraction, 0, 1);
        }
    }
}
