package io.gridshift.optimizer;

import io.gridshift.domain.Check;
import java.time.Duration;

/**
 * How to solve an allocation.
 *
 * @param mode which method runs
 * @param timeLimit the LP's wall-clock budget for all zones together; past it the merit order
 *     answers, flagged as a fallback. {@code PT0S} forces the fallback.
 */
public record SolverOptions(Mode mode, Duration timeLimit) {
    public SolverOptions {
        Check.required("mode", mode);
        Check.duration("timeLimit", timeLimit, Duration.ofMinutes(10));
    }

    public static SolverOptions defaults() {
        return new SolverOptions(Mode.AUTO, Duration.ofSeconds(5));
    }

    /** The methods. */
    public enum Mode {
        /**
         * Merit order first; when no coupling constraint (energy budget, site limit) stopped it,
         * its answer is the LP optimum and is returned; otherwise GLOP solves each zone's LP.
         */
        AUTO,
        /** GLOP on every zone, whatever the merit order would have found. */
        LP,
        /** The merit order alone (a heuristic once a coupling constraint binds). */
        MERIT_ORDER
    }
}
