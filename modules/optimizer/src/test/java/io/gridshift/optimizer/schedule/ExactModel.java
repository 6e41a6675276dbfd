package io.gridshift.optimizer.schedule;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import io.gridshift.optimizer.signals.ZoneSignal;
import java.util.ArrayList;
import java.util.List;

/**
 * The day-ahead problem as one CP-SAT model, for small instances: a boolean per (job, site, start)
 * for a non-interruptible job (a contiguous run), and per (job, site) with a boolean per (job,
 * site, slot) for an interruptible one (all its slots at that one site, as the scheduler does);
 * exactly one option per job (every job with a window must be placed); per site and slot the kW
 * within the site's room, per zone and slot within the zone's headroom (rows skipped where the
 * headroom exceeds the kW of all jobs). Windows by {@link ExactWindows}.
 *
 * <p>Integer scaling: objective coefficients in units of {@code 1 / SCALE} (10^-6 currency), each
 * rounded, so a plan's scaled objective is within {@code 0.5 / SCALE} per term it uses of its true
 * objective (one term for a contiguous run, {@code d + 1} for an interruptible job); kW are rounded
 * to watts (exact for whole-kW jobs and rooms, as in {@link SyntheticFleet}).
 */
public final class ExactModel {
    static final double SCALE = 1e6;
    private static final double WATTS = 1000;
    private final ScheduleRequest r;
    private final double[][] cost;
    private final List<List<ExactWindows.Window>> windows;
    private final CpModel model = new CpModel();
    private final LinearExprBuilder objective = LinearExpr.newBuilder();
    private final LinearExprBuilder[][] siteRow;
    private final List<List<Option>> options = new ArrayList<>();
    private long terms;
    private int booleans;

    /** A chosen-or-not option of a job: its site, and the slots each boolean stands for. */
    private record Option(int site, BoolVar pick, int[] slots, BoolVar[] slotPick) {}

    public ExactModel(ScheduleRequest request) {
        Loader.loadNativeLibraries();
        this.r = request;
        this.cost = slotCosts(request);
        this.windows = ExactWindows.of(request);
        this.siteRow = new LinearExprBuilder[request.sites().size()][request.grid().slots()];
        for (int j = 0; j < request.jobs().size(); j++) {
            options.add(addJob(j));
        }
        addCapacity();
        model.minimize(objective);
    }

    /** Per site and slot, the cost of one kW: slot hours × (price + carbon price × intensity). */
    static double[][] slotCosts(ScheduleRequest r) {
        SlotGrid g = r.grid();
        double cp = r.options().carbonPricePerTonne();
        double[][] c = new double[r.sites().size()][g.slots()];
        for (int s = 0; s < c.length; s++) {
            ZoneSignal f =
                    r.forecast()
                            .get(r.sites().get(s).zone())
                            .window(g.start(), g.slot(), g.slots());
            for (int t = 0; t < g.slots(); t++) {
                c[s][t] =
                        g.slotHours()
                                * (f.pricePerMwh()[t] / 1000 + f.carbonGPerKwh()[t] * cp / 1e6);
            }
        }
        return c;
    }

    /** The indices of jobs with no window at all (the scheduler's no_time / no_allowed_site). */
    public List<Integer> withoutWindow() {
        List<Integer> out = new ArrayList<>();
        for (int j = 0; j < windows.size(); j++) {
            if (windows.get(j).isEmpty()) {
                out.add(j);
            }
        }
        return out;
    }

    private List<Option> addJob(int j) {
        ScheduleJob job = r.jobs().get(j);
        int d = r.grid().slotsFor(job.duration());
        List<Option> list = new ArrayList<>();
        for (ExactWindows.Window w : windows.get(j)) {
            int s = w.site();
            double transfer =
                    r.sites().get(s).id().equals(job.origin())
                            ? 0
                            : job.dataGb() * r.network().costPerGb();
            if (job.interruptible()) {
                list.add(interruptible(job, w, d, transfer));
                continue;
            }
            for (int st = w.earliest(); st <= w.latestStart(); st++) {
                int[] slots = new int[d];
                double c = transfer;
                for (int i = 0; i < d; i++) {
                    slots[i] = st + i;
                    c += job.kw() * cost[s][st + i];
                }
                BoolVar x = bool();
                objective.addTerm(x, Math.round(c * SCALE));
                for (int t : slots) {
                    row(s, t).addTerm(x, watts(job.kw()));
                }
                list.add(new Option(s, x, slots, null));
            }
        }
        terms += job.interruptible() ? d + 1 : 1;
        if (!list.isEmpty()) {
            model.addExactlyOne(list.stream().map(Option::pick).toArray(BoolVar[]::new));
        }
        return list;
    }

    private Option interruptible(ScheduleJob job, ExactWindows.Window w, int d, double transfer) {
        int s = w.site();
        BoolVar y = bool();
        objective.addTerm(y, Math.round(transfer * SCALE));
        int n = w.latestStart() + d - w.earliest();
        int[] slots = new int[n];
        BoolVar[] z = new BoolVar[n];
        for (int i = 0; i < n; i++) {
            int t = w.earliest() + i;
            slots[i] = t;
            z[i] = bool();
            objective.addTerm(z[i], Math.round(job.kw() * cost[s][t] * SCALE));
            row(s, t).addTerm(z[i], watts(job.kw()));
        }
        model.addEquality(LinearExpr.sum(z), LinearExpr.term(y, d));
        return new Option(s, y, slots, z);
    }

    private void addCapacity() {
        int slots = r.grid().slots();
        double all = r.jobs().stream().mapToDouble(ScheduleJob::kw).sum();
        java.util.Map<io.gridshift.domain.site.GridZone, LinearExprBuilder[]> zoneRow =
                new java.util.HashMap<>();
        for (int s = 0; s < siteRow.length; s++) {
            ScheduleSite site = r.sites().get(s);
            double head = r.headroomKw(site.zone());
            for (int t = 0; t < slots; t++) {
                if (siteRow[s][t] == null) {
                    continue;
                }
                model.addLessOrEqual(siteRow[s][t], room(site.roomKw()));
                if (head < all) {
                    LinearExprBuilder[] rows =
                            zoneRow.computeIfAbsent(site.zone(), k -> new LinearExprBuilder[slots]);
                    if (rows[t] == null) {
                        rows[t] = LinearExpr.newBuilder();
                    }
                    rows[t].add(siteRow[s][t]);
                }
            }
        }
        zoneRow.forEach(
                (zone, rows) -> {
                    for (LinearExprBuilder b : rows) {
                        if (b != null) {
                            model.addLessOrEqual(b, room(r.headroomKw(zone)));
                        }
                    }
                });
    }

    /** Solves within {@code seconds} on {@code workers} threads (fixed seed: repeatable). */
    public ExactResult solve(double seconds, int workers) {
        long t0 = System.nanoTime();
        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(seconds).setNumWorkers(workers).setRandomSeed(1);
        CpSolverStatus st = solver.solve(model);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        double err = 0.5 / SCALE * terms;
        boolean found = st == CpSolverStatus.OPTIMAL || st == CpSolverStatus.FEASIBLE;
        double lower =
                st == CpSolverStatus.INFEASIBLE
                        ? Double.POSITIVE_INFINITY
                        : solver.bestObjectiveBound() / SCALE - err;
        Schedule plan = found ? ExactPlan.extract(r, options(solver)) : null;
        double obj = found ? ExactPlan.objective(r, cost, plan) : Double.NaN;
        return new ExactResult(st.name(), plan, obj, lower, err, booleans, ms);
    }

    /** Per job, the chosen site and slots (null for a job without a window). */
    private List<ExactPlan.Choice> options(CpSolver solver) {
        List<ExactPlan.Choice> out = new ArrayList<>();
        for (List<Option> list : options) {
            ExactPlan.Choice c = null;
            for (Option o : list) {
                if (!solver.booleanValue(o.pick())) {
                    continue;
                }
                int[] used = o.slots();
                if (o.slotPick() != null) {
                    used =
                            java.util.stream.IntStream.range(0, o.slots().length)
                                    .filter(i -> solver.booleanValue(o.slotPick()[i]))
                                    .map(i -> o.slots()[i])
                                    .toArray();
                }
                c = new ExactPlan.Choice(o.site(), used);
            }
            out.add(c);
        }
        return out;
    }

    private LinearExprBuilder row(int s, int t) {
        if (siteRow[s][t] == null) {
            siteRow[s][t] = LinearExpr.newBuilder();
        }
        return siteRow[s][t];
    }

    private BoolVar bool() {
        booleans++;
        return model.newBoolVar("b" + booleans);
    }

    private static long watts(double kw) {
        return Math.round(kw * WATTS);
    }

    private static long room(double kw) {
        return (long) Math.floor(Math.max(0, kw) * WATTS + 1e-6);
    }
}
