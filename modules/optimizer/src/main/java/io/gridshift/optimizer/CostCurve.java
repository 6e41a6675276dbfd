package io.gridshift.optimizer;

import io.gridshift.domain.flex.Battery;
import io.gridshift.domain.flex.DeferrableJobs;
import io.gridshift.domain.flex.FlexResource;
import io.gridshift.domain.flex.LossCurve;
import io.gridshift.domain.flex.OnsiteGeneration;
import io.gridshift.domain.flex.PowerCap;
import io.gridshift.domain.flex.ThermalStorage;
import java.util.ArrayList;
import java.util.List;

/**
 * The cost of a resource's reduction as convex piecewise-linear segments: segment {@code k} adds up
 * to {@code widthKw[k]} kW at {@code costPerKwh[k]}, costs never fall from one segment to the next,
 * so an LP fills them in order without binaries.
 *
 * <p>A power cap's loss curve gives the share of its work's throughput lost; the work is the power
 * the curve's last point removes (at a loss of 1 all of it stops), valued at {@code
 * valuePerKwhOfWork}. Where the measured curve is not convex its lower convex hull is used: a
 * reduction between two hull points is reached by holding each point for part of the interval,
 * whose average loss lies on the chord.
 *
 * @param widthKw each segment's width
 * @param costPerKwh each segment's cost per kWh shed, not falling
 */
record CostCurve(double[] widthKw, double[] costPerKwh) {

    /** The curve of one resource; migratable jobs have none (the migration planner moves them). */
    static CostCurve of(FlexResource r, double carbonPricePerKg) {
        if (r instanceof DeferrableJobs d) {
            return flat(d.maxReductionKw(), d.costPerKwh());
        } else if (r instanceof Battery b) {
            return flat(b.maxReductionKw(), b.wearCostPerKwh());
        } else if (r instanceof ThermalStorage t) {
            return flat(t.maxReductionKw(), t.costPerKwh());
        } else if (r instanceof OnsiteGeneration g) {
            return flat(g.maxKw(), g.costPerKwh() + g.co2KgPerKwh() * carbonPricePerKg);
        } else if (r instanceof PowerCap p) {
            return ofLoss(p.lossCurve(), p.maxReductionKw(), p.valuePerKwhOfWork());
        }
        return flat(0, 0);
    }

    static CostCurve flat(double kw, double cost) {
        return new CostCurve(new double[] {kw}, new double[] {cost});
    }

    static CostCurve ofLoss(LossCurve curve, double maxKw, double valuePerKwh) {
        List<LossCurve.Point> hull = lowerHull(curve.points());
        double workKw = curve.maxReductionKw();
        List<double[]> segs = new ArrayList<>();
        for (int i = 1; i < hull.size() && hull.get(i - 1).reductionKw() < maxKw; i++) {
            LossCurve.Point a = hull.get(i - 1);
            LossCurve.Point b = hull.get(i);
            double slope =
                    (b.lossFraction() - a.lossFraction()) / (b.reductionKw() - a.reductionKw());
            double width = Math.min(b.reductionKw(), maxKw) - a.reductionKw();
            segs.add(new double[] {width, slope * workKw * valuePerKwh});
        }
        double[] w = new double[segs.size()];
        double[] c = new double[segs.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = segs.get(i)[0];
            c[i] = segs.get(i)[1];
        }
        return w.length == 0 ? flat(0, 0) : new CostCurve(w, c);
    }

    /** The lower convex hull of points ascending in kW (Andrew's monotone chain, lower half). */
    private static List<LossCurve.Point> lowerHull(List<LossCurve.Point> pts) {
        List<LossCurve.Point> hull = new ArrayList<>();
        for (LossCurve.Point p : pts) {
            while (hull.size() >= 2
                    && !turnsUp(hull.get(hull.size() - 2), hull.get(hull.size() - 1), p)) {
                hull.remove(hull.size() - 1);
            }
            hull.add(p);
        }
        return hull;
    }

    private static boolean turnsUp(LossCurve.Point o, LossCurve.Point a, LossCurve.Point b) {
        double cross =
                (a.reductionKw() - o.reductionKw()) * (b.lossFraction() - o.lossFraction())
                        - (a.lossFraction() - o.lossFraction())
                                * (b.reductionKw() - o.reductionKw());
        return cross > 0;
    }

    double maxKw() {
        double kw = 0;
        for (double w : widthKw) {
            kw += w;
        }
        return kw;
    }

    /** Cost per hour of holding {@code kw}: the segments filled in order. */
    double costPerHour(double kw) {
        double left = kw;
        double cost = 0;
        for (int k = 0; k < widthKw.length && left > 0; k++) {
            double take = Math.min(left, widthKw[k]);
            cost += take * costPerKwh[k];
            left -= take;
        }
        return cost;
    }
}
