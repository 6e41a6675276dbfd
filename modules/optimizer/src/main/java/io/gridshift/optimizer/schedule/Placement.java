package io.gridshift.optimizer.schedule;

import java.util.Arrays;

/** A placement of the jobs under capacity: its own copy of the room per site, zone and slot. */
final class Placement {
    final int[] site;
    final int[][] slots;
    private final double[] cost;
    private final PlanProblem p;
    private final OptionCosts plain;
    private final double[][] siteRoom;
    private final double[][] zoneRoom;
    private Candidates cands;

    Placement(PlanProblem p, OptionCosts plain) {
        this.p = p;
        this.plain = plain;
        int n = p.jobs.size();
        site = new int[n];
        Arrays.fill(site, -1);
        slots = new int[n][];
        cost = new double[n];
        siteRoom = new double[p.sites][];
        for (int s = 0; s < p.sites; s++) {
            siteRoom[s] = p.siteRoom[s].clone();
        }
        zoneRoom = new double[p.zoneRoom.length][];
        for (int z = 0; z < zoneRoom.length; z++) {
            zoneRoom[z] = p.zoneRoom[z].clone();
        }
    }

    int placedCount() {
        int c = 0;
        for (int s : site) {
            c += s >= 0 ? 1 : 0;
        }
        return c;
    }

    /** True when every job is placed at an objective equal to {@code bound}: provably optimal. */
    boolean allPlacedAt(double bound) {
        return placedCount() == site.length
                && total() <= bound + 1e-9 * Math.max(1, Math.abs(bound));
    }

    double total() {
        double sum = 0;
        for (int j = 0; j < cost.length; j++) {
            sum += site[j] >= 0 ? cost[j] : 0;
        }
        return sum;
    }

    /**
     * Each job in {@code order} to its cheapest kept option that fits, else any option that fits.
     */
    double greedy(Candidates c, Integer[] order) {
        this.cands = c;
        for (int j : order) {
            if (!placeBest(j, c.site[j], c.start[j])) {
                placeAnywhere(j);
            }
        }
        return total();
    }

    /** Moves each job to a cheaper kept option that fits, once. */
    double improve() {
        for (int j = 0; j < site.length; j++) {
            if (site[j] < 0) {
                continue;
            }
            int s0 = site[j];
            int[] u0 = slots[j];
            double c0 = cost[j];
            release(j);
            if (!placeBest(j, cands.site[j], cands.start[j]) || cost[j] > c0) {
                if (site[j] >= 0) {
                    release(j);
                }
                take(j, s0, u0, c0);
            }
        }
        return total();
    }

    /** The cheapest option of the list (true cost) that fits; false if none. */
    private boolean placeBest(int j, int[] sites, int[] starts) {
        int bestI = -1;
        double best = Double.MAX_VALUE;
        int[] bestUse = null;
        for (int i = 0; i < sites.length; i++) {
            int[] use = fit(j, sites[i], starts[i]);
            if (use != null) {
                double c = price(j, sites[i], use);
                if (c < best) {
                    best = c;
                    bestI = i;
                    bestUse = use;
                }
            }
        }
        if (bestI < 0) {
            return false;
        }
        take(j, sites[bestI], bestUse, best);
        return true;
    }

    /** Scans every option of the job; leaves it unplaced if none fits. */
    private void placeAnywhere(int j) {
        int[] list = p.jobSites.get(j);
        boolean inter = p.jobs.get(j).interruptible();
        for (int o = 0; o < list.length; o++) {
            int from = p.jobEarliest.get(j)[o];
            int latest = inter ? from : p.latestStart(j, o);
            int n = latest - from + 1;
            int[] s = new int[n];
            int[] st = new int[n];
            for (int i = 0; i < n; i++) {
                s[i] = list[o];
                st[i] = inter ? -1 : from + i;
            }
            int before = site[j];
            double c0 = cost[j];
            int[] u0 = slots[j];
            if (before >= 0) {
                release(j);
            }
            boolean placed = placeBest(j, s, st);
            if (before >= 0 && (!placed || cost[j] >= c0)) {
                if (placed) {
                    release(j);
                }
                take(j, before, u0, c0);
            }
        }
    }

    /** The slots job j would use at site s (from {@code start}, or the cheapest free ones). */
    private int[] fit(int j, int s, int start) {
        double kw = p.jobs.get(j).kw();
        int d = p.jobSlots[j];
        int z = p.siteZone[s];
        if (start >= 0) {
            for (int t = start; t < start + d; t++) {
                if (siteRoom[s][t] + 1e-9 < kw || zoneRoom[z][t] + 1e-9 < kw) {
                    return null;
                }
            }
            int[] use = new int[d];
            for (int i = 0; i < d; i++) {
                use[i] = start + i;
            }
            return use;
        }
        int o = p.optionOf(j, s);
        int from = p.jobEarliest.get(j)[o];
        int to = p.lastEnd(j, o);
        Integer[] free = new Integer[to - from];
        int n = 0;
        for (int t = from; t < to; t++) {
            if (siteRoom[s][t] + 1e-9 >= kw && zoneRoom[z][t] + 1e-9 >= kw) {
                free[n++] = t;
            }
        }
        if (n < d) {
            return null;
        }
        double[] c = plain.cost[s];
        Arrays.sort(free, 0, n, (a, b) -> Double.compare(c[a], c[b]));
        int[] use = new int[d];
        for (int i = 0; i < d; i++) {
            use[i] = free[i];
        }
        Arrays.sort(use);
        return use;
    }

    private double price(int j, int s, int[] use) {
        double sum = 0;
        for (int t : use) {
            sum += plain.cost[s][t];
        }
        return sum * p.jobs.get(j).kw() + p.transferCost(j, s);
    }

    private void take(int j, int s, int[] use, double c) {
        double kw = p.jobs.get(j).kw();
        int z = p.siteZone[s];
        for (int t : use) {
            siteRoom[s][t] -= kw;
            zoneRoom[z][t] -= kw;
        }
        site[j] = s;
        slots[j] = use;
        cost[j] = c;
    }

    private void release(int j) {
        double kw = p.jobs.get(j).kw();
        int s = site[j];
        int z = p.siteZone[s];
        for (int t : slots[j]) {
            siteRoom[s][t] += kw;
            zoneRoom[z][t] += kw;
        }
        site[j] = -1;
    }
}
