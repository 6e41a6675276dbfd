package io.gridshift.optimizer.schedule;

import java.util.Locale;

/**
 * One instance planned by the scheduler and solved exactly by CP-SAT: the heuristic's objective,
 * its Lagrangian bound and stated gap, and the true gap against the exact optimum.
 *
 * @param name the instance
 * @param request the request both planned
 * @param heuristic the scheduler's plan (its summary has objective, bound and stated gap)
 * @param exact CP-SAT's result on {@link ExactModel}
 */
public record ExactGap(
        String name, ScheduleRequest request, Schedule heuristic, ExactResult exact) {
    /** Plans {@code r} with {@code scheduler} and solves it with CP-SAT in {@code seconds}. */
    public static ExactGap measure(
            String name,
            ScheduleRequest r,
            DayAheadScheduler scheduler,
            double seconds,
            int workers) {
        Schedule h = scheduler.plan(r);
        ExactResult e = new ExactModel(r).solve(seconds, workers);
        return new ExactGap(name, r, h, e);
    }

    /**
     * The true gap {@code (heuristic − optimum) / heuristic} at its smallest: against the exact
     * plan (the optimum when OPTIMAL).
     */
    public double trueGapLow() {
        double h = heuristic.summary().objective();
        return (h - exact.objective()) / Math.abs(h);
    }

    /** The true gap at its largest: against CP-SAT's lower bound (= the low one when OPTIMAL). */
    public double trueGapHigh() {
        double h = heuristic.summary().objective();
        return (h - exact.lowerBound()) / Math.abs(h);
    }

    public static String header() {
        return String.format(
                Locale.ROOT,
                "%-22s %-8s %5s %10s %12s %12s %12s %12s %9s %9s %9s %8s %7s",
                "instance",
                "policy",
                "jobs",
                "status",
                "heuristic",
                "exact",
                "cp-sat lb",
                "lagrange",
                "true gap",
                "stated",
                "bool vars",
                "cp-sat ms",
                "heur ms");
    }

    public String line() {
        SolverSummary s = heuristic.summary();
        String gap =
                exact.optimal() ? pct(trueGapLow()) : pct(trueGapLow()) + ".." + pct(trueGapHigh());
        return String.format(
                Locale.ROOT,
                "%-22s %-8s %5d %10s %12.4f %12.4f %12.4f %12.4f %9s %9s %9d %8d %7d",
                name,
                request.options().policy(),
                request.jobs().size(),
                exact.status(),
                s.objective(),
                exact.objective(),
                exact.lowerBound(),
                s.lowerBound(),
                gap,
                pct(s.gap()),
                exact.booleans(),
                exact.millis(),
                s.millis());
    }

    private static String pct(double x) {
        // a tie within rounding prints as 0.000%, not -0.000%
        return String.format(Locale.ROOT, "%.3f%%", 100 * x).replace("-0.000%", "0.000%");
    }
}
