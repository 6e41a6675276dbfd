package io.gridshift.optimizer.schedule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A placement of the jobs under capacity: its own copy of the room per site, zone and slot. */
final class Placement {
    final int[] site;
    final int[][] slots;
    private final double[] cost;
    private final PlanProblem p;
    private final OptionCosts plain;

    /** Costs a job's options are compared by (the forecast's, or with capacity prices). */
    private final OptionCosts choice;

    private boolean improving;
    private final double[][] siteRoom;
    private final double[][] zoneRoom;
    private Candidates cands;
    private final Map<Integer, int[]> evicted = new HashMap<>();

    Placement(PlanProblem p, OptionCosts plain, OptionCosts choice) {
        this.p = p;
        this.plain = plain;
        this.choice = choice;
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
        for (int j : order) {
            if (site[j] < 0) {
                repair(j);
            }
        }
        return total();
    }

    /**
     * Makes room for an unplaced job at its origin from its earliest start by moving the jobs in
     * the way (largest first) to other options; undone when one of them finds no other place.
     */
    private void repair(int j) {
        int o = p.optionOf(j, p.siteIndex.get(p.jobs.get(j).origin()));
        if (o < 0) {
            return;
        }
        int s = p.jobSites.get(j)[o];
        int from = p.jobEarliest.get(j)[o];
        int d = p.jobSlots[j];
        double kw = p.jobs.get(j).kw();
        List<Integer> inWay = new ArrayList<>();
        for (int i = 0; i < site.length; i++) {
            if (site[i] == s && overlaps(slots[i], from, from + d)) {
                inWay.add(i);
            }
        }
        inWay.sort((a, b) -> Double.compare(p.jobs.get(b).kw(), p.jobs.get(a).kw()));
        List<int[]> undo = new ArrayList<>();
        List<Double> undoCost = new ArrayList<>();
        for (int i : inWay) {
            if (fit(j, s, from) != null) {
                break;
            }
            undo.add(new int[] {i, site[i]});
            undoCost.add(cost[i]);
            evicted.put(i, slots[i]);
            release(i);
        }
        int[] use = fit(j, s, from);
        if (use == null) {
            restore(undo, undoCost);
            return;
        }
        take(j, s, use, price(j, s, use));
        for (int[] u : undo) {
            int i = u[0];
            if (!placeBest(i, cands.site[i], cands.start[i])) {
                placeAnywhere(i);
            }
            if (site[i] < 0) {
                for (int[] v : undo) {
                    if (site[v[0]] >= 0) {
                        release(v[0]);
                    }
                }
                release(j);
                restore(undo, undoCost);
                return;
            }
        }
        evicted.clear();
    }

    private void restore(List<int[]> undo, List<Double> undoCost) {
        for (int k = 0; k < undo.size(); k++) {
            int i = undo.get(k)[0];
            take(i, undo.get(k)[1], evicted.get(i), undoCost.get(k));
        }
        evicted.clear();
    }

    private static boolean overlaps(int[] used, int from, int to) {
        for (int t : used) {
            if (t >= from && t < to) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every job at its origin from its earliest start (the run-at-arrival plan) where it fits, then
     * moved to cheaper kept options: never worse than running at arrival when that plan fits.
     */
    double fromArrival(Candidates c, Integer[] order) {
        this.cands = c;
        for (int j : order) {
            int o = p.optionOf(j, p.siteIndex.get(p.jobs.get(j).origin()));
            if (o >= 0) {
                int from = p.jobEarliest.get(j)[o];
                int[] use = fit(j, p.jobSites.get(j)[o], from);
                if (use != null) {
                    take(j, p.jobSites.get(j)[o], use, price(j, p.jobSites.get(j)[o], use));
                }
            }
        }
        for (int j : order) {
            if (site[j] < 0 && !placeBest(j, c.site[j], c.start[j])) {
                placeAnywhere(j);
            }
        }
        improve();
        return improve();
    }

    /** Moves each job to a cheaper kept option that fits, once. */
    double improve() {
        improving = true;
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
                double c = price(j, sites[i], use, improving ? plain : choice);
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
        take(j, sites[bestI], bestUse, price(j, sites[bestI], bestUse, plain));
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
        int[] use = new int[d];
        int k = 0;
        for (int t : (improving ? plain : choice).order[s]) {
            if (t >= from && t < to && siteRoom[s][t] + 1e-9 >= kw && zoneRoom[z][t] + 1e-9 >= kw) {
                use[k++] = t;
                if (k == d) {
                    Arrays.sort(use);
                    return use;
                }
            }
        }
        return null;
    }

    private double price(int j, int s, int[] use) {
        return price(j, s, use, plain);
    }

    private double price(int j, int s, int[] use, OptionCosts by) {
        double sum = 0;
        for (int t : use) {
            sum += by.cost[s][t];
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
