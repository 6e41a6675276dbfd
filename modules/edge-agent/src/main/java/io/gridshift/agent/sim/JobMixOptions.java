package io.gridshift.agent.sim;

import io.gridshift.domain.Check;
import io.gridshift.domain.error.InvalidFieldException;
import java.time.Duration;

/**
 * What the IT load is made of, besides training (which follows from {@link TrainingOptions}).
 *
 * @param inferenceShare mean inflexible load (inference, web, storage) as a share of IT capacity
 * @param dailyAmplitude relative swing of the inflexible load over the day: 0.25 puts the peak at
 *     1.25 × and the trough at 0.75 × the mean
 * @param peakHourLocal local hour (0-24) of the daily peak; the trough is 12 h later
 * @param noiseShare standard deviation of the slow (20 min) noise on the inflexible load, relative
 * @param batchShare mean batch load as a share of IT capacity; sets the Poisson arrival rate
 * @param batchMeanKw mean power of one batch job (exponential, clipped to 0.1-5 × the mean)
 * @param batchMeanRunTime mean run time of a batch job (exponential, clipped to 1 min-8 × the mean)
 * @param batchMinSlack least time between a job's earliest finish and its deadline
 * @param batchMaxSlack most such time; the slack is uniform in between
 */
public record JobMixOptions(
        double inferenceShare,
        double dailyAmplitude,
        double peakHourLocal,
        double noiseShare,
        double batchShare,
        double batchMeanKw,
        Duration batchMeanRunTime,
        Duration batchMinSlack,
        Duration batchMaxSlack) {
    private static final Duration MAX_JOB_TIME = Duration.ofHours(24);

    public JobMixOptions {
        Check.range("jobMix.inferenceShare", inferenceShare, 0, 1);
        Check.range("jobMix.dailyAmplitude", dailyAmplitude, 0, 0.9);
        Check.range("jobMix.peakHourLocal", peakHourLocal, 0, 24);
        Check.range("jobMix.noiseShare", noiseShare, 0, 0.3);
        Check.range("jobMix.batchShare", batchShare, 0, 1);
        Check.range("jobMix.batchMeanKw", batchMeanKw, 0.1, 10_000);
        Check.duration("jobMix.batchMeanRunTime", batchMeanRunTime, MAX_JOB_TIME);
        Check.duration("jobMix.batchMinSlack", batchMinSlack, MAX_JOB_TIME);
        Check.duration("jobMix.batchMaxSlack", batchMaxSlack, MAX_JOB_TIME);
        if (batchMeanRunTime.getSeconds() < 60) {
            throw new InvalidFieldException(
                    "jobMix.batchMeanRunTime", "range", batchMeanRunTime, "must be at least PT1M");
        }
        if (batchMaxSlack.compareTo(batchMinSlack) < 0) {
            throw new InvalidFieldException(
                    "jobMix.batchMaxSlack",
                    "order",
                    batchMaxSlack,
                    "must not be below batchMinSlack (" + batchMinSlack + ")");
        }
    }

    /**
     * A cloud-style mix: 35 % inflexible load peaking at 15:00 local with a ±25 % daily swing and 3
     * % noise; 15 % batch in 50 kW jobs of 40 min on average with 30 min to 8 h of slack.
     */
    public static JobMixOptions typical() {
        return new JobMixOptions(
                0.35,
                0.25,
                15,
                0.03,
                0.15,
                50,
                Duration.ofMinutes(40),
                Duration.ofMinutes(30),
                Duration.ofHours(8));
    }

    /** Peak of the inflexible load as a share of IT capacity. */
    double inferencePeakShare() {
        return inferenceShare * (1 + dailyAmplitude);
    }
}
