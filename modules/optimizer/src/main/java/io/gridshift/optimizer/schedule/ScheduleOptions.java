package io.gridshift.optimizer.schedule;

import io.gridshift.domain.Check;
import java.time.Duration;

/**
 * How to plan.
 *
 * @param policy where and when jobs may move
 * @param window how long past its arrival a job may be held (TEMPORAL and BOTH); the deadline
 *     always applies too
 * @param carbonPricePerTonne price of a tonne of CO2eq added to the energy cost in the objective
 * @param candidatesPerJob (site, start) options kept per job before the assignment (K)
 * @param lagrangeIterations subgradient steps for the lower bound and capacity prices (0: bound
 *     with capacities relaxed)
 * @param timeLimit wall-clock limit; when it passes the best plan so far is returned, flagged
 */
public record ScheduleOptions(
        Policy policy,
        Duration window,
        double carbonPricePerTonne,
        int candidatesPerJob,
        int lagrangeIterations,
        Duration timeLimit) {
    public ScheduleOptions {
        Check.required("policy", policy);
        Check.duration("window", window, SlotGrid.MAX_HORIZON);
        Check.range("carbonPricePerTonne", carbonPricePerTonne, 0, 100_000);
        Check.range("candidatesPerJob", candidatesPerJob, 1, 1000);
        Check.range("lagrangeIterations", lagrangeIterations, 0, 10_000);
        Check.duration("timeLimit", timeLimit, Duration.ofHours(1));
    }

    /** Defaults: 24 h window, 100 per tonne, K = 8, 30 subgradient steps, 30 s. */
    public static ScheduleOptions of(Policy policy) {
        return new ScheduleOptions(
                policy, Duration.ofHours(24), 100, 8, 30, Duration.ofSeconds(30));
    }

    public ScheduleOptions withPolicy(Policy p) {
        return new ScheduleOptions(
                p, window, carbonPricePerTonne, candidatesPerJob, lagrangeIterations, timeLimit);
    }

    public ScheduleOptions withWindow(Duration w) {
        return new ScheduleOptions(
                policy, w, carbonPricePerTonne, candidatesPerJob, lagrangeIterations, timeLimit);
    }

    public ScheduleOptions withCarbonPrice(double perTonne) {
        return new ScheduleOptions(
                policy, window, perTonne, candidatesPerJob, lagrangeIterations, timeLimit);
    }
}
