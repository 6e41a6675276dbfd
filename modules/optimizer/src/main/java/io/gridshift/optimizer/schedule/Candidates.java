package io.gridshift.optimizer.schedule;

import java.util.Arrays;

/**
 * The K (site, start) options kept per job, cheapest under the steering costs (the forecast's, or
 * with the Lagrangian capacity prices), plus each job's cheapest option on the forecast alone. An
 * interruptible job's option is a site (its slots are chosen when it is placed).
 */
final class Candidates {
    final int[][] site;
    final int[][] start;
    private final PlanProblem p;
    private final int k;
    private long count;

    Candidates(PlanProblem p, int k) {
        this.p = p;
        this.k = k;
        int n = p.jobs.size();
        this.site = new int[n][];
        this.start = new int[n][];
    }

    long count() {
        return count;
    }

    void collect(OptionCosts steer, OptionCosts plain) {
        for (int j = 0; j < p.jobs.size(); j++) {
            Kept kept = new Kept(k + 1);
            int[] sites = p.jobSites.get(j);
            int d = p.jobSlots[j];
            boolean inter = p.jobs.get(j).interruptible();
            for (int o = 0; o < sites.length; o++) {
                int s = sites[o];
                int from = p.jobEarliest.get(j)[o];
                int latest = p.latestStart(j, o);
                double tc = p.transferCost(j, s) / Math.max(1e-9, p.jobs.get(j).kw());
                if (inter) {
                    kept.offer(steer.cheapestSlots(s, from, latest + d, d) + tc, s, -1, k);
                    continue;
                }
                double[] pre = steer.prefix[s];
                for (int st = from; st <= latest; st++) {
                    double c = pre[st + d] - pre[st] + tc;
                    if (kept.size < k || c < kept.worst()) {
                        kept.offer(c, s, st, k);
                    }
                }
            }
            if (steer != plain) {
                addPlainBest(j, plain, kept);
            }
            site[j] = Arrays.copyOf(kept.site, kept.size);
            start[j] = Arrays.copyOf(kept.start, kept.size);
            count += kept.size;
        }
    }

    /** The job's cheapest option on the forecast alone, so steering never hides it. */
    private void addPlainBest(int j, OptionCosts plain, Kept kept) {
        int[] sites = p.jobSites.get(j);
        int d = p.jobSlots[j];
        double best = Double.MAX_VALUE;
        int bs = -1;
        int bst = -1;
        for (int o = 0; o < sites.length; o++) {
            int s = sites[o];
            int from = p.jobEarliest.get(j)[o];
            int latest = p.latestStart(j, o);
            double tc = p.transferCost(j, s) / Math.max(1e-9, p.jobs.get(j).kw());
            int st = -1;
            double c;
            if (p.jobs.get(j).interruptible()) {
                c = plain.cheapestSlots(s, from, latest + d, d);
            } else {
                st = plain.bestStart(s, from, latest, d);
                c = plain.run(s, st, d);
            }
            if (c + tc < best) {
                best = c + tc;
                bs = s;
                bst = st;
            }
        }
        for (int i = 0; i < kept.size; i++) {
            if (kept.site[i] == bs && kept.start[i] == bst) {
                return;
            }
        }
        kept.add(bs, bst);
    }

    /** A small bounded list of the cheapest options (K is small: insertion is fine). */
    private static final class Kept {
        final double[] cost;
        final int[] site;
        final int[] start;
        int size;

        Kept(int capacity) {
            cost = new double[capacity];
            site = new int[capacity];
            start = new int[capacity];
        }

        double worst() {
            return cost[size - 1];
        }

        void offer(double c, int s, int st, int k) {
            if (size == k && c >= cost[size - 1]) {
                return;
            }
            int i = size < k ? size++ : size - 1;
            while (i > 0 && cost[i - 1] > c) {
                cost[i] = cost[i - 1];
                site[i] = site[i - 1];
                start[i] = start[i - 1];
                i--;
            }
            cost[i] = c;
            site[i] = s;
            start[i] = st;
        }

        void add(int s, int st) {
            cost[size] = Double.MAX_VALUE;
            site[size] = s;
            start[size] = st;
            size++;
        }
    }
}
