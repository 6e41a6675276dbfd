package io.gridshift.optimizer;

/**
 * Which method answered and how well.
 *
 * @param solver {@code MERIT_ORDER} or {@code GLOP}
 * @param status {@code OPTIMAL} (proven least-cost) or {@code FEASIBLE} (a heuristic answer)
 * @param gap relative gap to the LP optimum: 0 when optimal, {@code NaN} when unknown
 * @param fallback whether the merit order answered because the LP failed or ran out of time
 * @param fallbackReason why, when it did; {@code null} otherwise
 * @param millis wall time of the whole allocation
 */
public record SolverReport(
        String solver,
        String status,
        double gap,
        boolean fallback,
        String fallbackReason,
        long millis) {}
