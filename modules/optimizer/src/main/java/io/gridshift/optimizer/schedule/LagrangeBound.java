package io.gridshift.optimizer.schedule;

import java.util.List;
import java.util.Map;

/**
 * Lower bound on the plan's objective: the capacity rows (site room, zone headroom, per slot) are
 * moved into the objective with prices {@code lambda >= 0}, {@code mu >= 0}; then every job picks
 * its cheapest option on its own and {@code L = sum_j min_o (cost + priced capacity) - sum lambda
 * room - sum mu headroom} is below every feasible plan's cost (weak duality). Prices follow
 * subgradient steps (Polyak step towards the best plan found, step factor halved when the bound
 * stalls). With all prices 0 it is the bound with capacities relaxed.
 */
final class LagrangeBound {
    private static final org.slf4j.Logger LOG =
            org.slf4j.LoggerFactory.getLogger(LagrangeBound.class);
    final double[][] lambda;
    final double[][] mu;
    private final PlanProblem p;
    private final double[][] useS;
    private final double[][] useZ;

    LagrangeBound(PlanProblem p) {
        this.p = p;
        lambda = new double[p.sites][p.slots];
        mu = new double[p.zoneRoom.length][p.slots];
        useS = new double[p.sites][p.slots];
        useZ = new double[p.zoneRoom.length][p.slots];
    }

    /** The bound with all capacity prices at 0. */
    double relaxedBound(OptionCosts plain) {
        return evaluate(plain);
    }

    /** Runs up to {@code iterations} subgradient steps; returns the best bound seen. */
    double iterate(int iterations, double upper, long deadlineNanos) {
        double best = Double.NEGATIVE_INFINITY;
        double theta = 1.0;
        int stall = 0;
        double[][] bestL = new double[p.sites][];
        double[][] bestM = new double[mu.length][];
        for (int it = 0; it < iterations && System.nanoTime() < deadlineNanos; it++) {
            OptionCosts oc = new OptionCosts(p, lambda, mu);
            double l = evaluate(oc);
            if (LOG.isTraceEnabled()) {
                LOG.trace("iteration {}: L = {}, theta {}", it, l, theta);
            }
            if (it == 0 || l > best + 1e-9 * Math.abs(best)) {
                best = l;
                stall = 0;
                copy(lambda, bestL);
                copy(mu, bestM);
            } else if (++stall >= 5) {
                theta /= 2;
                stall = 0;
            }
            double norm = 0;
            for (int s = 0; s < p.sites; s++) {
                for (int t = 0; t < p.slots; t++) {
                    double g = useS[s][t] - Math.max(0, p.siteRoom[s][t]);
                    if (g > 0 || lambda[s][t] > 0) {
                        norm += g * g;
                    }
                }
            }
            for (int z = 0; z < mu.length; z++) {
                for (int t = 0; t < p.slots; t++) {
                    double g = useZ[z][t] - Math.max(0, p.zoneRoom[z][t]);
                    if (g > 0 || mu[z][t] > 0) {
                        norm += g * g;
                    }
                }
            }
            if (norm < 1e-12 || upper - l <= 1e-9 * Math.abs(upper)) {
                break; // the relaxed choice fits: no price to move
            }
            step(theta * Math.max(upper - l, 1e-6 * Math.abs(upper)) / norm);
        }
        if (bestL[0] != null) {
            copy(bestL, lambda);
            copy(bestM, mu);
        }
        return best;
    }

    private void step(double size) {
        for (int s = 0; s < p.sites; s++) {
            for (int t = 0; t < p.slots; t++) {
                double g = useS[s][t] - Math.max(0, p.siteRoom[s][t]);
                lambda[s][t] = Math.max(0, lambda[s][t] + size * g);
            }
        }
        for (int z = 0; z < mu.length; z++) {
            for (int t = 0; t < p.slots; t++) {
                double g = useZ[z][t] - Math.max(0, p.zoneRoom[z][t]);
                mu[z][t] = Math.max(0, mu[z][t] + size * g);
            }
        }
    }

    /** L(lambda, mu), filling each slot's use by the jobs' own cheapest choices. */
    private double evaluate(OptionCosts oc) {
        for (double[] row : useS) {
            java.util.Arrays.fill(row, 0);
        }
        for (double[] row : useZ) {
            java.util.Arrays.fill(row, 0);
        }
        double sum = 0;
        for (Map.Entry<Integer, List<Integer>> e : p.jobsByLength().entrySet()) {
            WindowMin wm = new WindowMin(oc, p.sites, p.slots, e.getKey());
            for (int j : e.getValue()) {
                sum += cheapest(j, oc, wm);
            }
        }
        for (int s = 0; s < p.sites; s++) {
            for (int t = 0; t < p.slots; t++) {
                sum -= lambda[s][t] * Math.max(0, p.siteRoom[s][t]);
            }
        }
        for (int z = 0; z < mu.length; z++) {
            for (int t = 0; t < p.slots; t++) {
                // unlimited headroom keeps mu at 0; skip the product to avoid 0 × 1e12 noise
                if (mu[z][t] > 0) {
                    sum -= mu[z][t] * Math.max(0, p.zoneRoom[z][t]);
                }
            }
        }
        return sum;
    }

    private double cheapest(int j, OptionCosts oc, WindowMin wm) {
        ScheduleJob job = p.jobs.get(j);
        int[] sites = p.jobSites.get(j);
        int d = p.jobSlots[j];
        double best = Double.MAX_VALUE;
        int bo = -1;
        int bst = -1;
        for (int o = 0; o < sites.length; o++) {
            int s = sites[o];
            int from = p.jobEarliest.get(j)[o];
            int latest = p.latestStart(j, o);
            double c;
            int st = -1;
            if (job.interruptible()) {
                c = oc.cheapestSlots(s, from, latest + d, d);
            } else {
                st = wm.argmin(s, from, latest);
                c = wm.cost(s, st);
            }
            c = c * job.kw() + p.transferCost(j, s);
            if (c < best) {
                best = c;
                bo = o;
                bst = st;
            }
        }
        int bs = sites[bo];
        int[] use =
                bst >= 0 ? null : oc.takeSlots(bs, p.jobEarliest.get(j)[bo], p.lastEnd(j, bo), d);
        int z = p.siteZone[bs];
        for (int i = 0; i < d; i++) {
            int t = use == null ? bst + i : use[i];
            useS[bs][t] += job.kw();
            useZ[z][t] += job.kw();
        }
        return best;
    }

    private static void copy(double[][] from, double[][] to) {
        for (int i = 0; i < from.length; i++) {
            to[i] = from[i].clone();
        }
    }
}
