package io.gridshift.optimizer.schedule;

import io.gridshift.domain.site.SiteId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Places the jobs: a Lagrangian relaxation of the capacity rows (site room and zone headroom priced
 * per slot, subgradient steps) gives the lower bound, which equals the LP relaxation's at its
 * optimum because each job's own choice of (site, start) is integral; its prices steer which (site,
 * start) options each job keeps (the cheapest K under priced capacity, plus the cheapest on the
 * forecast); a greedy pass, biggest jobs first, takes each job's cheapest option that still fits,
 * scanning all options when none of the kept ones does; a last pass moves each job to a cheaper
 * kept option that fits.
 */
final class Assigner {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Assigner.class);
    private final PlanProblem p;
    private final long deadlineNanos;
    private final LagrangeBound bound;
    private boolean timedOut;

    Assigner(PlanProblem p, long deadlineNanos) {
        this.p = p;
        this.deadlineNanos = deadlineNanos;
        this.bound = new LagrangeBound(p);
    }

    SolverSummary run(List<JobAssignment> out, List<Unplaced> unplaced, long t0) {
        int n = p.jobs.size();
        OptionCosts plain = new OptionCosts(p, null, null);
        Candidates cands = new Candidates(p, p.request.options().candidatesPerJob());
        cands.collect(plain, plain);
        phase("candidates");
        Placement first = new Placement(p, plain, plain);
        double ub = first.greedy(cands, order());
        phase("greedy");
        double lb = bound.relaxedBound(plain);
        phase("relaxed bound");
        int iters = p.request.options().lagrangeIterations();
        Placement best = first;
        if (iters > 0 && n > 0 && !first.allPlacedAt(lb)) {
            lb = Math.max(lb, bound.iterate(iters, ub, deadlineNanos));
            phase("lagrange");
            timedOut = System.nanoTime() > deadlineNanos;
            if (!timedOut) {
                OptionCosts priced = new OptionCosts(p, bound.lambda, bound.mu);
                Candidates steered = new Candidates(p, p.request.options().candidatesPerJob());
                steered.collect(priced, plain);
                phase("steered candidates");
                Placement second = new Placement(p, plain, priced);
                double ub2 = second.greedy(steered, order());
                phase("steered greedy " + ub2 + " vs " + ub);
                if (second.placedCount() > first.placedCount()
                        || (second.placedCount() == first.placedCount() && ub2 < ub)) {
                    best = second;
                    ub = ub2;
                }
            }
        }
        if (best.placedCount() < n && System.nanoTime() < deadlineNanos) {
            Placement third = new Placement(p, plain, plain);
            double ub3 = third.fromArrival(cands, order());
            phase("from arrival " + ub3 + ", placed " + third.placedCount());
            if (third.placedCount() > best.placedCount()) {
                best = third;
                ub = ub3;
            }
        }
        if (System.nanoTime() < deadlineNanos) {
            ub = best.improve();
            phase("improve");
        } else {
            timedOut = true;
        }
        for (int j = 0; j < n; j++) {
            if (best.site[j] < 0) {
                unplaced.add(new Unplaced(p.jobs.get(j).id(), "no_capacity"));
            } else {
                out.add(assignment(p, j, best.site[j], best.slots[j]));
            }
        }
        double gap = Math.abs(ub) > 1e-12 ? Math.max(0, (ub - lb) / Math.abs(ub)) : 0;
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long total = cands.count();
        String method = iters > 0 ? "lagrange+greedy" : "greedy";
        return new SolverSummary(
                method, ub, lb, best.placedCount() == n ? gap : Double.NaN, ms, timedOut, total);
    }

    private long last = System.nanoTime();

    private void phase(String name) {
        long now = System.nanoTime();
        if (LOG.isTraceEnabled()) {
            LOG.trace("{}: {} ms", name, (now - last) / 1_000_000);
        }
        last = now;
    }

    /**
     * Least flexible jobs first (fewest (site, start) options: they cannot go elsewhere), then the
     * biggest (kW × slots).
     */
    private Integer[] order() {
        int n = p.jobs.size();
        Integer[] idx = new Integer[n];
        long[] flex = new long[n];
        for (int j = 0; j < n; j++) {
            idx[j] = j;
            for (int o = 0; o < p.jobSites.get(j).length; o++) {
                flex[j] += p.latestStart(j, o) - p.jobEarliest.get(j)[o] + 1;
            }
        }
        Arrays.sort(
                idx,
                (a, b) ->
                        flex[a] != flex[b]
                                ? Long.compare(flex[a], flex[b])
                                : Double.compare(
                                        p.jobs.get(b).kw() * p.jobSlots[b],
                                        p.jobs.get(a).kw() * p.jobSlots[a]));
        return idx;
    }

    static JobAssignment assignment(PlanProblem p, int j, int s, int[] used) {
        ScheduleJob job = p.jobs.get(j);
        List<Run> runs = new ArrayList<>();
        int i = 0;
        while (i < used.length) {
            int k = i;
            while (k + 1 < used.length && used[k + 1] == used[k] + 1) {
                k++;
            }
            runs.add(new Run(p.grid.at(used[i]), p.grid.at(used[k] + 1)));
            i = k + 1;
        }
        ScheduleSite site = p.request.sites().get(s);
        SiteId id = site.id();
        return new JobAssignment(
                job.id(), id, site.zone(), runs, job.kw(), !id.equals(job.origin()));
    }
}
