package io.gridshift.optimizer;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.List;

/**
 * The allocation LP, one GLOP model per zone (zones share no constraint, so this decomposition is
 * exact). Variables {@code y[b][k][t]} in [0, width of segment k] for each block, segment and
 * interval with power, and a shortfall {@code u[t] >= 0} per interval. Constraints: {@code sum_k
 * y[b][k][t] <= cap[b][t]}; {@code sum_t hours[t] sum_k y[b][k][t] <= energy[b]}; {@code sum_{b in
 * s} sum_k y[b][k][t] <= siteLimit[s]}; {@code sum_b sum_k y[b][k][t] + u[t] = target[t]}.
 * Objective: {@code sum hours[t] (cost[b][k] y[b][k][t] + penalty u[t])}, the penalty above every
 * cost so that the LP sheds all it can before it reports a shortfall. Rows that cannot bind are
 * left out.
 */
final class GlopSolver implements AllocationSolver {
    private static final double EPS = 1e-9;

    GlopSolver() {
        Loader.loadNativeLibraries();
    }

    @Override
    public String name() {
        return "GLOP";
    }

    @Override
    public Solution solve(Problem p, long deadlineNanos) throws SolverFailure {
        double[][] x = new double[p.blocks][p.intervals];
        double[][] shortfall = new double[p.zones.size()][p.intervals];
        List<List<Integer>> byZone = new ArrayList<>();
        for (int z = 0; z < p.zones.size(); z++) {
            byZone.add(new ArrayList<>());
        }
        for (int b = 0; b < p.blocks; b++) {
            byZone.get(p.blockZone[b]).add(b);
        }
        for (int z = 0; z < p.zones.size(); z++) {
            long leftMs = (deadlineNanos - System.nanoTime()) / 1_000_000;
            if (leftMs <= 0) {
                throw new SolverFailure("time limit reached before zone " + p.zones.get(z));
            }
            solveZone(p, z, byZone.get(z), deadlineNanos, x, shortfall[z]);
        }
        return new Solution(x, shortfall, true, "OPTIMAL");
    }

    private void solveZone(
            Problem p,
            int z,
            List<Integer> blocks,
            long deadlineNanos,
            double[][] x,
            double[] shortfall)
            throws SolverFailure {
        MPSolver solver = MPSolver.createSolver("GLOP");
        if (solver == null) {
            throw new SolverFailure("GLOP is not available in this OR-Tools build");
        }
        try {
            MPObjective obj = solver.objective();
            obj.setMinimization();
            double penalty = 1;
            for (int b : blocks) {
                for (double c : p.curve[b].costPerKwh()) {
                    penalty = Math.max(penalty, 10 * c + 1);
                }
            }
            MPConstraint[] balance = new MPConstraint[p.intervals];
            for (int t = 0; t < p.intervals; t++) {
                balance[t] = solver.makeConstraint(p.target[z][t], p.target[z][t]);
                MPVariable u = solver.makeNumVar(0, Double.POSITIVE_INFINITY, "");
                balance[t].setCoefficient(u, 1);
                obj.setCoefficient(u, penalty * p.hours[t]);
            }
            MPVariable[][][] y = new MPVariable[blocks.size()][][];
            SiteRows sites = new SiteRows(p, blocks, solver);
            for (int i = 0; i < blocks.size(); i++) {
                if (i % 1024 == 0 && System.nanoTime() > deadlineNanos) {
                    throw new SolverFailure("time limit reached building zone " + p.zones.get(z));
                }
                y[i] = blockVariables(p, blocks.get(i), solver, obj, balance, sites);
            }
            long leftMs = (deadlineNanos - System.nanoTime()) / 1_000_000;
            if (leftMs <= 0) {
                throw new SolverFailure("time limit reached building zone " + p.zones.get(z));
            }
            solver.setTimeLimit(leftMs);
            MPSolver.ResultStatus status = solver.solve();
            if (status != MPSolver.ResultStatus.OPTIMAL) {
                throw new SolverFailure("GLOP ended " + status + " on zone " + p.zones.get(z));
            }
            for (int i = 0; i < blocks.size(); i++) {
                int b = blocks.get(i);
                for (int t = 0; t < p.intervals; t++) {
                    double kw = 0;
                    for (MPVariable v : y[i][t]) {
                        kw += v == null ? 0 : v.solutionValue();
                    }
                    x[b][t] = Math.max(0, Math.min(p.cap[b][t], kw));
                }
            }
            for (int t = 0; t < p.intervals; t++) {
                double got = 0;
                for (int b : blocks) {
                    got += x[b][t];
                }
                shortfall[t] = Math.max(0, p.target[z][t] - got);
            }
        } finally {
            solver.delete();
        }
    }

    /** The block's variables per interval and segment, entered in every row they belong to. */
    private static MPVariable[][] blockVariables(
            Problem p,
            int b,
            MPSolver solver,
            MPObjective obj,
            MPConstraint[] balance,
            SiteRows sites) {
        double[] width = p.curve[b].widthKw();
        double[] cost = p.curve[b].costPerKwh();
        double maxEnergy = 0;
        for (int t = 0; t < p.intervals; t++) {
            maxEnergy += p.cap[b][t] * p.hours[t];
        }
        MPConstraint energy =
                p.energyKwh[b] < maxEnergy - EPS ? solver.makeConstraint(0, p.energyKwh[b]) : null;
        MPVariable[][] y = new MPVariable[p.intervals][width.length];
        for (int t = 0; t < p.intervals; t++) {
            if (p.cap[b][t] <= EPS) {
                continue;
            }
            double total = 0;
            for (double w : width) {
                total += w;
            }
            MPConstraint capRow =
                    width.length > 1 && p.cap[b][t] < total - EPS
                            ? solver.makeConstraint(0, p.cap[b][t])
                            : null;
            MPConstraint siteRow = sites.row(p.blockSite[b], t);
            for (int k = 0; k < width.length; k++) {
                MPVariable v = solver.makeNumVar(0, Math.min(width[k], p.cap[b][t]), "");
                y[t][k] = v;
                obj.setCoefficient(v, cost[k] * p.hours[t]);
                balance[t].setCoefficient(v, 1);
                if (capRow != null) {
                    capRow.setCoefficient(v, 1);
                }
                if (energy != null) {
                    energy.setCoefficient(v, p.hours[t]);
                }
                if (siteRow != null) {
                    siteRow.setCoefficient(v, 1);
                }
            }
        }
        return y;
    }

    /** The site-limit rows, made only for a site and interval whose blocks could exceed it. */
    private static final class SiteRows {
        private final Problem p;
        private final MPSolver solver;
        private final java.util.Map<Integer, MPConstraint[]> rows = new java.util.HashMap<>();
        private final java.util.Map<Integer, double[]> capSum = new java.util.HashMap<>();

        SiteRows(Problem p, List<Integer> blocks, MPSolver solver) {
            this.p = p;
            this.solver = solver;
            for (int b : blocks) {
                double[] sum = capSum.computeIfAbsent(p.blockSite[b], s -> new double[p.intervals]);
                for (int t = 0; t < p.intervals; t++) {
                    sum[t] += p.cap[b][t];
                }
            }
        }

        MPConstraint row(int s, int t) {
            if (capSum.get(s)[t] <= p.siteLimitKw[s] + EPS) {
                return null;
            }
            MPConstraint[] r = rows.computeIfAbsent(s, k -> new MPConstraint[p.intervals]);
            if (r[t] == null) {
                r[t] = solver.makeConstraint(0, p.siteLimitKw[s]);
            }
            return r[t];
        }
    }
}
