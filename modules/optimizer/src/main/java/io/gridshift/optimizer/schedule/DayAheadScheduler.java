package io.gridshift.optimizer.schedule;

import com.google.ortools.Loader;

/**
 * The day-ahead scheduler: a plan of start times and sites for every job over the next 24-48 h,
 * minimising energy cost + carbon price × emissions + data-transfer cost within deadlines, site
 * hosting capacity and import limits, zone headroom, allowed zones, latency limits and the time to
 * move a job's data. See the module README for the method (candidate pruning, Lagrangian lower
 * bound, greedy assignment with repair) and the gap it reports.
 */
public final class DayAheadScheduler {
    private final PlanSolver solver = new PlanSolver();

    public DayAheadScheduler() {
        Loader.loadNativeLibraries();
    }

    /** A first plan (version 1). */
    public Schedule plan(ScheduleRequest request) {
        return solver.solve(request, null);
    }

    /**
     * A re-plan on new forecasts: jobs of {@code previous} that have started by {@code
     * request.grid().start()} keep their assignment (and its capacity); the others are planned
     * again. The version is {@code previous.version() + 1}.
     */
    public Schedule plan(ScheduleRequest request, Schedule previous) {
        return solver.solve(request, previous);
    }
}
