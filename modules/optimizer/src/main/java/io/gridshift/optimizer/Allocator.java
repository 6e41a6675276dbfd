package io.gridshift.optimizer;

import io.gridshift.domain.Check;
import io.gridshift.domain.site.SiteId;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Least-cost allocation of an event's targets over the fleet: kW per site, resource and interval.
 * See {@link SolverOptions.Mode} for which method runs when; if GLOP fails or runs past the time
 * limit the merit order's answer is returned, flagged as a fallback and logged.
 */
public final class Allocator {
    private static final Logger LOG = LoggerFactory.getLogger(Allocator.class);

    private final AllocationSolver lp;
    private final MeritOrder merit = new MeritOrder();

    /** With GLOP (loads OR-Tools' native library). */
    public Allocator() {
        this(new GlopSolver());
    }

    Allocator(AllocationSolver lp) {
        this.lp = lp;
    }

    public Allocation allocate(AllocationRequest request, SolverOptions options) {
        Check.required("request", request);
        Check.required("options", options);
        long t0 = System.nanoTime();
        Problem p = new Problem(request);
        Solution heuristic = options.mode() == SolverOptions.Mode.LP ? null : merit.solve(p);
        if (heuristic != null
                && (heuristic.optimal() || options.mode() == SolverOptions.Mode.MERIT_ORDER)) {
            return build(p, heuristic, report("MERIT_ORDER", heuristic, null, t0));
        }
        long deadline = t0 + options.timeLimit().toNanos();
        try {
            Solution exact = lp.solve(p, deadline);
            return build(p, exact, report(lp.name(), exact, null, t0));
        } catch (SolverFailure | RuntimeException e) {
            String reason = lp.name() + " failed: " + e.getMessage();
            LOG.warn("Allocation falls back on the merit order: {}", reason);
            Solution fallback = heuristic != null ? heuristic : merit.solve(p);
            return build(p, fallback, report("MERIT_ORDER", fallback, reason, t0));
        }
    }

    private static SolverReport report(String solver, Solution s, String fallback, long t0) {
        return new SolverReport(
                solver,
                s.status(),
                s.optimal() ? 0 : Double.NaN,
                fallback != null,
                fallback,
                (System.nanoTime() - t0) / 1_000_000);
    }

    static Allocation build(Problem p, Solution s, SolverReport report) {
        List<ResourceAllocation> rows = new ArrayList<>();
        double[][] allocated = new double[p.zones.size()][p.intervals];
        for (int b = 0; b < p.blocks; b++) {
            List<Double> kw = new ArrayList<>(p.intervals);
            double cost = 0;
            boolean any = false;
            for (int t = 0; t < p.intervals; t++) {
                double v = s.x()[b][t];
                kw.add(v);
                any |= v > 1e-9;
                cost += p.curve[b].costPerHour(v) * p.hours[t];
                allocated[p.blockZone[b]][t] += v;
            }
            if (any) {
                SiteId site = p.request.sites().get(p.siteOf.get(p.blockSite[b])).site();
                rows.add(new ResourceAllocation(site, p.resource[b].id(), p.kind(b), kw, cost));
            }
        }
        List<ZoneResult> zones = new ArrayList<>();
        for (int z = 0; z < p.zones.size(); z++) {
            zones.add(
                    new ZoneResult(
                            p.zones.get(z),
                            list(p.target[z]),
                            list(allocated[z]),
                            list(s.shortfall()[z])));
        }
        return new Allocation(rows, zones, p.cost(s.x()), report);
    }

    private static List<Double> list(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double d : v) {
            out.add(d);
        }
        return out;
    }
}
