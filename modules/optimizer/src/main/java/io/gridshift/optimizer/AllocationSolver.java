package io.gridshift.optimizer;

/** Solves a {@link Problem} exactly, within a wall-clock budget. */
interface AllocationSolver {
    /** The solver's name in reports, e.g. {@code GLOP}. */
    String name();

    /**
     * @param deadlineNanos {@link System#nanoTime()} by which the answer must be there
     * @throws SolverFailure when no optimal answer came in time
     */
    Solution solve(Problem p, long deadlineNanos) throws SolverFailure;
}
