package io.gridshift.optimizer.schedule;

/**
 * How the plan was found and how good it is, on the forecast it was planned on.
 *
 * @param method e.g. {@code lagrange+greedy}, {@code at-arrival}
 * @param objective the plan's objective: energy cost + carbon price × emissions + transfer cost
 * @param lowerBound a proven lower bound on any plan's objective (LP relaxation via Lagrangian
 *     duality), NaN when none was computed
 * @param gap {@code (objective - lowerBound) / |objective|}, NaN without a bound
 * @param millis wall-clock time of the solve
 * @param timedOut true when the time limit cut the search (the plan is still valid)
 * @param candidates (site, start) options considered after pruning
 */
public record SolverSummary(
        String method,
        double objective,
        double lowerBound,
        double gap,
        long millis,
        boolean timedOut,
        long candidates) {}
