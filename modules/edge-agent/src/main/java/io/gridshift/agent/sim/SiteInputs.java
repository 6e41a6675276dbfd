package io.gridshift.agent.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The random outside world of one site, drawn step by step from the seed: the inflexible load
 * (daily cosine × slow AR(1) noise), the outdoor temperature (daily cosine + slow noise) and
 * Poisson batch arrivals whose rate follows the daily shape at half its swing. One random stream,
 * consumed in a fixed order per step, is what makes a seed reproducible.
 */
final class SiteInputs {
    private static final double DAY_S = 86_400;
    private static final double LOAD_NOISE_TAU_S = 20 * 60;
    private static final double TEMP_NOISE_TAU_S = 3 * 3600;
    private static final double TEMP_PEAK_HOUR = 15;
    private static final double MIN_JOB_RUN_S = 60;

    private final SimulatedSiteOptions options;
    private final SplittableRandom random;
    private final double meanArrivalsPerS;
    private double loadNoise;
    private double tempNoise;
    private long jobSeq;

    SiteInputs(SimulatedSiteOptions options) {
        this.options = options;
        this.random = new SplittableRandom(options.seed());
        JobMixOptions mix = options.jobMix();
        double meanRunH = mix.batchMeanRunTime().getSeconds() / 3600.0;
        this.meanArrivalsPerS =
                mix.batchShare() * options.itCapacityKw() / (mix.batchMeanKw() * meanRunH) / 3600;
    }

    /** The inputs of the step that ends at {@code epochS} and lasts {@code stepS}. */
    StepInputs next(long epochS, long stepS) {
        JobMixOptions mix = options.jobMix();
        double shape = dailyShape(epochS, mix.peakHourLocal());
        loadNoise = ar1(loadNoise, mix.noiseShare(), stepS, LOAD_NOISE_TAU_S);
        double inferenceKw =
                Math.max(
                        0,
                        mix.inferenceShare()
                                * options.itCapacityKw()
                                * (1 + mix.dailyAmplitude() * shape)
                                * (1 + loadNoise));
        WeatherOptions weather = options.weather();
        tempNoise = ar1(tempNoise, weather.noiseC(), stepS, TEMP_NOISE_TAU_S);
        double outdoorC =
                weather.dailyMeanC()
                        + weather.dailyAmplitudeC() * dailyShape(epochS, TEMP_PEAK_HOUR)
                        + tempNoise;
        double rate = meanArrivalsPerS * (1 + 0.5 * mix.dailyAmplitude() * shape) * stepS;
        int count = poisson(rate);
        List<BatchJobSpec> arrivals = count == 0 ? List.of() : new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            arrivals.add(batchJob(epochS - stepS, mix));
        }
        return new StepInputs(epochS, inferenceKw, outdoorC, arrivals);
    }

    /** Cosine of the local hour against the peak hour: 1 at the peak, -1 twelve hours later. */
    double dailyShape(long epochS, double peakHourLocal) {
        double localS = Math.floorMod(epochS + options.localOffset().getTotalSeconds(), 86_400L);
        return Math.cos(2 * Math.PI * (localS / DAY_S - peakHourLocal / 24));
    }

    private BatchJobSpec batchJob(long submittedS, JobMixOptions mix) {
        double meanRunS = mix.batchMeanRunTime().getSeconds();
        double meanKw = mix.batchMeanKw();
        double kw = Math.max(0.1 * meanKw, Math.min(5 * meanKw, meanKw * exponential()));
        long runS =
                Math.round(
                        Math.max(MIN_JOB_RUN_S, Math.min(8 * meanRunS, meanRunS * exponential())));
        long minSlack = mix.batchMinSlack().getSeconds();
        long maxSlack = mix.batchMaxSlack().getSeconds();
        long slackS =
                minSlack + (maxSlack > minSlack ? random.nextLong(maxSlack - minSlack + 1) : 0);
        String id = "batch-" + (++jobSeq);
        return new BatchJobSpec(id, kw, runS, submittedS, submittedS + runS + slackS);
    }

    private double ar1(double previous, double sigma, long stepS, double tauS) {
        double rho = Math.exp(-stepS / tauS);
        return rho * previous + sigma * Math.sqrt(1 - rho * rho) * random.nextGaussian();
    }

    private double exponential() {
        return -Math.log(1 - random.nextDouble());
    }

    /** Knuth's method: exact, and cheap for the small means of one step. */
    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            count++;
            product *= random.nextDouble();
        }
        return count;
    }
}
