package io.gridshift.optimizer;

import io.gridshift.domain.Check;
import io.gridshift.domain.site.GridZone;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The fleet's bid: the kW per interval it can deliver with the chosen confidence, and a
 * price-quantity curve per interval.
 *
 * <p><b>Available.</b> Site {@code s} offers {@code a[s][t]}: each resource's power in interval
 * {@code t} (after its ramp, net of the reserve), capped so its energy lasts the whole event
 * ({@code energy / event hours}), summed and capped by the site's limit. A sustained offer, so the
 * bid holds whichever intervals the event ends up using.
 *
 * <p><b>Delivery model.</b> Site {@code s} delivers {@code R[s] a[s][t]}, where its delivery ratio
 * {@code R[s]} (delivered / ordered, over-delivery counted as 1) has mean {@code m[s]} and standard
 * deviation {@code d[s]} estimated from its history, shrunk towards the prior: {@code m = (w m0 + n
 * mean) / (w + n)}, {@code d^2 = (w d0^2 + n var) / (w + n)} with {@code n} samples and prior
 * weight {@code w}. Sites are equicorrelated with coefficient {@code rho}, so the fleet's delivery
 * has mean {@code E = sum m a} and variance {@code V = (1 - rho) sum d^2 a^2 + rho (sum d a)^2}.
 * The firm quantity is {@code max(0, E - k sqrt(V))}: with {@code k = 1.645} for 95 % under the
 * normal approximation, or Cantelli's {@code k = 4.36}, which holds for any distribution.
 *
 * <p><b>Curve.</b> Each resource's sustained kW, split along its cost segments and weighted by its
 * site's mean ratio, sorted by cost; cumulative, scaled by {@code firm / E}, and cut into at most
 * {@code maxSteps} steps at the cost of the step's last kW.
 */
public final class Bidder {

    /**
     * @param sites the fleet
     * @param horizon the event's intervals
     * @param zones the zones the event addresses; empty for every zone of the fleet
     * @param reserveShare as in {@link AllocationRequest#reserveShare()}
     * @param carbonPricePerKg as in {@link AllocationRequest#carbonPricePerKg()}
     */
    public Bid bid(
            List<FleetSite> sites,
            Horizon horizon,
            Set<GridZone> zones,
            double reserveShare,
            double carbonPricePerKg,
            BidOptions options) {
        Check.required("zones", zones);
        Check.required("options", options);
        Set<GridZone> scope = new LinkedHashSet<>(zones);
        if (scope.isEmpty()) {
            Check.required("sites", sites).forEach(s -> scope.add(s.zone()));
        }
        List<ZoneTarget> none = new ArrayList<>();
        for (GridZone z : scope) {
            none.add(new ZoneTarget(z, Collections.nCopies(horizon.size(), 0.0)));
        }
        Problem p =
                new Problem(
                        new AllocationRequest(
                                sites, horizon, none, reserveShare, carbonPricePerKg));
        double[][] ratio = ratios(p, options);
        double eventHours = 0;
        for (double h : p.hours) {
            eventHours += h;
        }
        double k = options.sigmas();
        List<IntervalBid> out = new ArrayList<>();
        for (int t = 0; t < p.intervals; t++) {
            out.add(interval(p, t, eventHours, ratio, k, options));
        }
        return new Bid(out, k);
    }

    private static IntervalBid interval(
            Problem p, int t, double eventHours, double[][] ratio, double k, BidOptions options) {
        double[] blockKw = new double[p.blocks];
        double[] siteRaw = new double[p.siteLimitKw.length];
        for (int b = 0; b < p.blocks; b++) {
            blockKw[b] = Math.min(p.cap[b][t], p.energyKwh[b] / eventHours);
            siteRaw[p.blockSite[b]] += blockKw[b];
        }
        double available = 0;
        double expected = 0;
        double independent = 0;
        double common = 0;
        for (int s = 0; s < siteRaw.length; s++) {
            double a = Math.min(siteRaw[s], p.siteLimitKw[s]);
            available += a;
            expected += ratio[s][0] * a;
            independent += ratio[s][1] * ratio[s][1] * a * a;
            common += ratio[s][1] * a;
        }
        double rho = options.correlation();
        double sd = Math.sqrt((1 - rho) * independent + rho * common * common);
        double firm = Math.max(0, expected - k * sd);
        List<double[]> pieces = new ArrayList<>();
        for (int b = 0; b < p.blocks; b++) {
            int s = p.blockSite[b];
            double scale = siteRaw[s] > p.siteLimitKw[s] ? p.siteLimitKw[s] / siteRaw[s] : 1;
            double left = blockKw[b] * scale;
            CostCurve c = p.curve[b];
            for (int g = 0; g < c.widthKw().length && left > 1e-9; g++) {
                double kw = Math.min(left, c.widthKw()[g]);
                pieces.add(new double[] {c.costPerKwh()[g], kw * ratio[s][0]});
                left -= kw;
            }
        }
        return new IntervalBid(
                t,
                available,
                expected,
                sd,
                firm,
                steps(pieces, expected, firm, options.maxSteps()));
    }

    private static List<PriceStep> steps(
            List<double[]> pieces, double expected, double firm, int maxSteps) {
        List<PriceStep> steps = new ArrayList<>();
        if (expected <= 0 || firm <= 0) {
            return steps;
        }
        pieces.sort((a, b) -> Double.compare(a[0], b[0]));
        double scale = firm / expected;
        double cum = 0;
        int next = 1;
        for (int i = 0; i < pieces.size(); i++) {
            cum += pieces.get(i)[1];
            boolean last = i == pieces.size() - 1;
            if (last || cum >= expected * next / maxSteps) {
                steps.add(new PriceStep(pieces.get(i)[0], last ? firm : cum * scale));
                while (next <= maxSteps && cum >= expected * next / maxSteps) {
                    next++;
                }
            }
        }
        return steps;
    }

    /** Mean and standard deviation of each site's ratio, shrunk towards the prior. */
    private static double[][] ratios(Problem p, BidOptions o) {
        double[][] out = new double[p.siteLimitKw.length][2];
        for (int s = 0; s < out.length; s++) {
            List<Double> r = p.request.sites().get(p.siteOf.get(s)).history().ratios();
            double n = r.size();
            double sum = 0;
            double sq = 0;
            for (double v : r) {
                double c = Math.min(1, v);
                sum += c;
                sq += c * c;
            }
            double mean = n > 0 ? sum / n : 0;
            double var = n > 0 ? Math.max(0, sq / n - mean * mean) : 0;
            double w = o.priorWeight();
            double total = w + n;
            out[s][0] = total > 0 ? (w * o.priorMean() + n * mean) / total : o.priorMean();
            double v = total > 0 ? (w * o.priorSd() * o.priorSd() + n * var) / total : 0;
            out[s][1] = Math.sqrt(v);
        }
        return out;
    }
}
