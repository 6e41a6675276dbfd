package io.gridshift.optimizer.schedule;

import java.util.Arrays;

/**
 * Per-site slot costs (the forecast's, or with capacity prices added) and their prefix sums, and
 * the cheapest way to run a job at a site under them.
 */
final class OptionCosts {
    final double[][] cost;
    final double[][] prefix;
    private final double[] scratch;

    OptionCosts(PlanProblem p, double[][] siteLambda, double[][] zoneMu) {
        cost = new double[p.sites][p.slots];
        prefix = new double[p.sites][p.slots + 1];
        scratch = new double[p.slots];
        for (int s = 0; s < p.sites; s++) {
            int z = p.siteZone[s];
            for (int t = 0; t < p.slots; t++) {
                double c = p.zoneCost[z][t];
                if (siteLambda != null) {
                    c += siteLambda[s][t] + zoneMu[z][t];
                }
                cost[s][t] = c;
                prefix[s][t + 1] = prefix[s][t] + c;
            }
        }
    }

    /** Cost per kW of a contiguous run at site s from slot {@code start} for {@code d} slots. */
    double run(int s, int start, int d) {
        return prefix[s][start + d] - prefix[s][start];
    }

    /** Cheapest start in [from, latest] at site s for d slots; returns the start. */
    int bestStart(int s, int from, int latest, int d) {
        int best = from;
        double bestCost = Double.MAX_VALUE;
        double[] pre = prefix[s];
        for (int st = from; st <= latest; st++) {
            double c = pre[st + d] - pre[st];
            if (c < bestCost - 1e-12) {
                bestCost = c;
                best = st;
            }
        }
        return best;
    }

    /**
     * Per-kW cost of the d cheapest slots of [from, to) at site s; {@code threshold[0]} gets the
     * d-th smallest slot cost (slots below it, then ties, are the ones taken).
     */
    double cheapestSlots(int s, int from, int to, int d, double[] threshold) {
        int n = to - from;
        System.arraycopy(cost[s], from, scratch, 0, n);
        Arrays.sort(scratch, 0, n);
        double sum = 0;
        for (int i = 0; i < d; i++) {
            sum += scratch[i];
        }
        threshold[0] = scratch[d - 1];
        return sum;
    }

    /** The d slots of [from, to) at s that {@link #cheapestSlots} counted. */
    int[] takeSlots(int s, int from, int to, int d, double threshold) {
        int[] out = new int[d];
        int k = 0;
        for (int t = from; t < to && k < d; t++) {
            if (cost[s][t] < threshold) {
                out[k++] = t;
            }
        }
        for (int t = from; t < to && k < d; t++) {
            if (cost[s][t] == threshold) {
                out[k++] = t;
            }
        }
        Arrays.sort(out, 0, k);
        return out;
    }
}
