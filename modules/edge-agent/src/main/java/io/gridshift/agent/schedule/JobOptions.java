package io.gridshift.agent.schedule;

import io.gridshift.domain.Check;
import java.time.Duration;

/**
 * The simulated site's flexible-job queue and how often it is reported.
 *
 * @param enabled whether the site generates flexible jobs (and adds their kW to its reading)
 * @param seed the generator's seed: the same seed gives the same jobs
 * @param jobsPerHour mean submissions per hour (Poisson)
 * @param maxLead how long before its arrival a job is at most submitted (known to the planner)
 * @param reportPeriod the jobs message is sent on change and at least this often
 */
public record JobOptions(
        boolean enabled, long seed, double jobsPerHour, Duration maxLead, Duration reportPeriod) {
    public JobOptions {
        Check.range("jobsPerHour", jobsPerHour, 0.01, 10_000);
        Check.duration("maxLead", maxLead, Duration.ofHours(48));
        Check.duration("reportPeriod", reportPeriod, Duration.ofHours(1));
        if (reportPeriod.isZero()) {
            throw new io.gridshift.domain.error.InvalidFieldException(
                    "reportPeriod", "range", reportPeriod, "must be positive");
        }
    }

    /** No generated jobs; plans still move jobs in. */
    public static JobOptions disabled() {
        return new JobOptions(false, 1, 4, Duration.ofHours(4), Duration.ofMinutes(5));
    }

    public static JobOptions enabled(long seed, double jobsPerHour) {
        return new JobOptions(true, seed, jobsPerHour, Duration.ofHours(4), Duration.ofMinutes(5));
    }
}
