package io.gridshift.optimizer.schedule;

/**
 * What CP-SAT found for the exact model of a request.
 *
 * @param status CP-SAT's status name (OPTIMAL, FEASIBLE, INFEASIBLE, UNKNOWN, ...)
 * @param plan its best plan, null when it found none
 * @param objective the best plan's objective in doubles (as the scheduler counts it), NaN without a
 *     plan
 * @param lowerBound a proven lower bound on the true optimum: CP-SAT's best objective bound,
 *     unscaled, minus {@code scalingError}; the optimum itself (less the error) when OPTIMAL
 * @param scalingError the most the integer-scaled objective of any plan can differ from its true
 *     objective: half a unit of the scale per objective term the plan can use
 * @param booleans the model's 0-1 variables
 * @param millis wall-clock time of the solve
 */
public record ExactResult(
        String status,
        Schedule plan,
        double objective,
        double lowerBound,
        double scalingError,
        int booleans,
        long millis) {
    public boolean optimal() {
        return status.equals("OPTIMAL");
    }
}
