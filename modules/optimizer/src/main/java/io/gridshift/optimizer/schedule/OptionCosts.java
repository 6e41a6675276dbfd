package io.gridshift.optimizer.schedule;

import java.util.Arrays;

/**
 * Per-site slot costs (the forecast's, or with capacity prices added), their prefix sums, each
 * site's slots in cost order, and the cheapest way to run a job at a site under them.
 */
final class OptionCosts {
    final double[][] cost;
    final double[][] prefix;

    /** Each site's slots, cheapest first. */
    final int[][] order;

    OptionCosts(PlanProblem p, double[][] siteLambda, double[][] zoneMu) {
        cost = new double[p.sites][p.slots];
        prefix = new double[p.sites][p.slots + 1];
        order = new int[p.sites][];
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
            order[s] = sortedSlots(cost[s]);
        }
    }

    private static int[] sortedSlots(double[] c) {
        Integer[] idx = new Integer[c.length];
        for (int t = 0; t < c.length; t++) {
            idx[t] = t;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(c[a], c[b]));
        int[] out = new int[c.length];
        for (int t = 0; t < c.length; t++) {
            out[t] = idx[t];
        }
        return out;
    }

    /** Cost per kW of a contiguous run at site s from slot {@code start} for {@code d} slots. */
    double run(int s, int start, int d) {
        return prefix[s][start + d] - prefix[s][start];
    }

    /** Cheapest start in [from, latest] at site s for d slots (linear scan). */
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

    /** Per-kW cost of the d cheapest slots of [from, to) at site s. */
    double cheapestSlots(int s, int from, int to, int d) {
        double sum = 0;
        int k = 0;
        int[] ord = order[s];
        double[] c = cost[s];
        for (int i = 0; i < ord.length && k < d; i++) {
            int t = ord[i];
            if (t >= from && t < to) {
                sum += c[t];
                k++;
            }
        }
        return sum;
    }

    /** The d slots of [from, to) at s that {@link #cheapestSlots} counted, in time order. */
    int[] takeSlots(int s, int from, int to, int d) {
        int[] out = new int[d];
        int k = 0;
        int[] ord = order[s];
        for (int i = 0; i < ord.length && k < d; i++) {
            int t = ord[i];
            if (t >= from && t < to) {
                out[k++] = t;
            }
        }
        Arrays.sort(out);
        return out;
    }
}
