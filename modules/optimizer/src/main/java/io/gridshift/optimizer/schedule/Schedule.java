package io.gridshift.optimizer.schedule;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A day-ahead plan. The version increases with every re-plan of the same fleet (what the edge
 * protocol's plan message carries, so that an agent ignores an older plan).
 *
 * @param version 1 for a first plan, previous + 1 for a re-plan
 * @param planStart the grid's start (the "now" it was planned at)
 * @param planEnd the grid's end
 * @param policy the policy it was planned with
 * @param assignments one per placed job
 * @param unplaced the jobs it could not place, with reasons
 * @param summary objective, bound, gap, time
 */
public record Schedule(
        long version,
        Instant planStart,
        Instant planEnd,
        Policy policy,
        List<JobAssignment> assignments,
        List<Unplaced> unplaced,
        SolverSummary summary) {
    public Schedule {
        assignments = List.copyOf(assignments);
        unplaced = List.copyOf(unplaced);
    }

    /** Assignments by job id. */
    public Map<String, JobAssignment> byJob() {
        return assignments.stream()
                .collect(Collectors.toMap(JobAssignment::jobId, Function.identity()));
    }
}
