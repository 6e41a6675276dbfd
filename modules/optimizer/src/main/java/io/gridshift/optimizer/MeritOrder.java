package io.gridshift.optimizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The merit order: in each interval, each zone takes its reduction from the cheapest segments
 * first, within each resource's power, its energy left and its site's limit.
 *
 * <p>Without the energy budgets and site limits the allocation is a fractional knapsack per zone
 * and interval, and filling by cost is optimal for it. So when neither budget nor limit stopped a
 * take, the answer is optimal for the full LP too ({@link Solution#optimal()}).
 *
 * <p>Otherwise cheap energy spent at full power early is missing later, where dearer resources then
 * fill in: a second pass lets an energy-limited resource spend at most its energy left over the
 * hours left in each interval (it spreads evenly, flattening what the rest must cover), and each
 * zone keeps the better of the two passes (less shortfall, then less cost). The result is feasible
 * but only a heuristic; its gap to the LP is measured by the benchmark.
 */
final class MeritOrder {
    private static final double EPS = 1e-9;

    Solution solve(Problem p) {
        int[] segBlock = new int[segments(p)];
        double[] segWidth = new double[segBlock.length];
        double[] segCost = new double[segBlock.length];
        int n = 0;
        for (int b = 0; b < p.blocks; b++) {
            for (int k = 0; k < p.curve[b].widthKw().length; k++) {
                segBlock[n] = b;
                segWidth[n] = p.curve[b].widthKw()[k];
                segCost[n++] = p.curve[b].costPerKwh()[k];
            }
        }
        int[][] byZone = splitByZone(p, segBlock, byCost(segCost));
        double[][] x = new double[p.blocks][p.intervals];
        double[][] shortfall = new double[p.zones.size()][p.intervals];
        double[][] siteUsed = new double[p.siteLimitKw.length][p.intervals];
        boolean coupled = false;
        for (int z = 0; z < byZone.length; z++) {
            Pass first =
                    new Pass(p, z, byZone[z], segBlock, segWidth, segCost, x, siteUsed, shortfall);
            first.run(naturalOrder(p.intervals));
            if (!first.coupled) {
                continue;
            }
            double firstCost = zoneCost(p, z, x);
            double firstShort = sum(shortfall[z]);
            double[][] keepX = copyZone(p, z, x);
            double[] keepShort = shortfall[z].clone();
            double[][] keepSite = siteUsed.clone();
            for (int s = 0; s < keepSite.length; s++) {
                keepSite[s] = siteUsed[s].clone();
            }
            first.clear();
            Pass second =
                    new Pass(p, z, byZone[z], segBlock, segWidth, segCost, x, siteUsed, shortfall);
            second.spread = true;
            second.run(naturalOrder(p.intervals));
            boolean worse =
                    sum(shortfall[z]) > firstShort + EPS
                            || (sum(shortfall[z]) >= firstShort - EPS
                                    && zoneCost(p, z, x) > firstCost);
            if (worse) {
                restoreZone(p, z, x, keepX);
                shortfall[z] = keepShort;
                System.arraycopy(keepSite, 0, siteUsed, 0, keepSite.length);
            }
            coupled = true;
        }
        return new Solution(x, shortfall, !coupled, coupled ? "FEASIBLE" : "OPTIMAL");
    }

    /** One fill of one zone in a given order of intervals. */
    private static final class Pass {
        private final Problem p;
        private final int z;
        private final int[] order;
        private final int[] segBlock;
        private final double[] segWidth;
        private final double[] segCost;
        private final double[][] x;
        private final double[][] siteUsed;
        private final double[][] shortfall;
        private final double[] energyLeft;
        boolean spread;
        boolean coupled;

        Pass(
                Problem p,
                int z,
                int[] order,
                int[] segBlock,
                double[] segWidth,
                double[] segCost,
                double[][] x,
                double[][] siteUsed,
                double[][] shortfall) {
            this.p = p;
            this.z = z;
            this.order = order;
            this.segBlock = segBlock;
            this.segWidth = segWidth;
            this.segCost = segCost;
            this.x = x;
            this.siteUsed = siteUsed;
            this.shortfall = shortfall;
            this.energyLeft = p.energyKwh.clone();
        }

        void run(int[] intervals) {
            double hoursLeft = 0;
            for (double h : p.hours) {
                hoursLeft += h;
            }
            for (int t : intervals) {
                double remaining = p.target[z][t];
                double horizon = spread ? hoursLeft : p.hours[t];
                hoursLeft -= p.hours[t];
                for (int i = 0; i < order.length && remaining > EPS; i++) {
                    int g = order[i];
                    int b = segBlock[g];
                    int s = p.blockSite[b];
                    double free = Math.min(segWidth[g], p.cap[b][t] - x[b][t]);
                    double want = Math.min(remaining, Math.max(0, free));
                    double room =
                            Math.min(p.siteLimitKw[s] - siteUsed[s][t], energyLeft[b] / horizon);
                    double take = Math.max(0, Math.min(want, room));
                    coupled |= take < want - EPS;
                    if (take > 0) {
                        x[b][t] += take;
                        siteUsed[s][t] += take;
                        energyLeft[b] -= take * p.hours[t];
                        remaining -= take;
                    }
                }
                shortfall[z][t] = Math.max(0, remaining);
            }
        }

        /** Undo this zone's takes. */
        void clear() {
            for (int b = 0; b < p.blocks; b++) {
                if (p.blockZone[b] != z) {
                    continue;
                }
                for (int t = 0; t < p.intervals; t++) {
                    siteUsed[p.blockSite[b]][t] -= x[b][t];
                    x[b][t] = 0;
                }
            }
        }
    }

    private static int segments(Problem p) {
        int n = 0;
        for (int b = 0; b < p.blocks; b++) {
            n += p.curve[b].widthKw().length;
        }
        return n;
    }

    private static int[][] splitByZone(Problem p, int[] segBlock, int[] order) {
        List<List<Integer>> lists = new ArrayList<>();
        for (int z = 0; z < p.zones.size(); z++) {
            lists.add(new ArrayList<>());
        }
        for (int g : order) {
            lists.get(p.blockZone[segBlock[g]]).add(g);
        }
        int[][] out = new int[lists.size()][];
        for (int z = 0; z < out.length; z++) {
            out[z] = lists.get(z).stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    private static int[] naturalOrder(int n) {
        int[] o = new int[n];
        for (int i = 0; i < n; i++) {
            o[i] = i;
        }
        return o;
    }

    private static double zoneCost(Problem p, int z, double[][] x) {
        double cost = 0;
        for (int b = 0; b < p.blocks; b++) {
            if (p.blockZone[b] == z) {
                for (int t = 0; t < p.intervals; t++) {
                    if (x[b][t] > 0) {
                        cost += p.curve[b].costPerHour(x[b][t]) * p.hours[t];
                    }
                }
            }
        }
        return cost;
    }

    private static double[][] copyZone(Problem p, int z, double[][] x) {
        double[][] keep = new double[p.blocks][];
        for (int b = 0; b < p.blocks; b++) {
            if (p.blockZone[b] == z) {
                keep[b] = x[b].clone();
            }
        }
        return keep;
    }

    private static void restoreZone(Problem p, int z, double[][] x, double[][] keep) {
        for (int b = 0; b < p.blocks; b++) {
            if (p.blockZone[b] == z) {
                x[b] = keep[b];
            }
        }
    }

    private static double sum(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s;
    }

    /**
     * Indices sorted by value, ties by index, so that a block's segments (costs not falling) come
     * in their own order. Exact and on primitives: each value is replaced by its rank among the
     * distinct values, and {@code rank << 32 | index} sorts as one long.
     */
    static int[] byCost(double[] cost) {
        double[] distinct = cost.clone();
        Arrays.sort(distinct);
        int m = 0;
        for (int i = 0; i < distinct.length; i++) {
            if (i == 0 || Double.compare(distinct[i], distinct[m - 1]) != 0) {
                distinct[m++] = distinct[i];
            }
        }
        long[] keys = new long[cost.length];
        for (int i = 0; i < keys.length; i++) {
            long rank = Arrays.binarySearch(distinct, 0, m, cost[i]);
            keys[i] = rank << 32 | i;
        }
        Arrays.sort(keys);
        int[] out = new int[keys.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) keys[i];
        }
        return out;
    }
}
