package io.gridshift.agent.sim;

import io.gridshift.domain.Check;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Everything that makes one simulated data center. Start from {@link #typical} and change what a
 * test or a fleet needs with the {@code with...} methods; every value is checked when built and a
 * bad one fails with an {@link InvalidFieldException} naming the field (nested ones as {@code
 * battery.minSocPct}).
 *
 * <p>The IT capacity must hold the inflexible peak, the training fleet at full duty, the hosting
 * reserve and 1.25 × the mean batch load: the rest of the capacity is the batch partition, in which
 * the batch queue runs and, after a hold, catches up.
 *
 * @param site the site's id
 * @param zone its grid zone
 * @param seed the random seed: same seed and same orders give the same readings
 * @param step internal time step, whole seconds from 1 s to 5 min (default 10 s)
 * @param localOffset the site's UTC offset, which places the daily shapes
 * @param itCapacityKw the IT load the site can carry
 * @param jobMix inflexible and batch load
 * @param training the GPU training fleet
 * @param pue facility overhead model
 * @param weather outdoor temperature profile
 * @param battery the UPS battery; {@code null} for none
 * @param chilledWater the chilled-water store; {@code null} for none
 * @param genset the genset; {@code null} for none
 * @param hostingCapacityKw IT load kept free for jobs migrated in from other sites
 */
public record SimulatedSiteOptions(
        SiteId site,
        GridZone zone,
        long seed,
        Duration step,
        ZoneOffset localOffset,
        double itCapacityKw,
        JobMixOptions jobMix,
        TrainingOptions training,
        PueOptions pue,
        WeatherOptions weather,
        BatteryOptions battery,
        ChilledWaterOptions chilledWater,
        GensetOptions genset,
        double hostingCapacityKw) {
    /** Default internal step. */
    public static final Duration DEFAULT_STEP = Duration.ofSeconds(10);

    private static final Duration MAX_STEP = Duration.ofMinutes(5);
    private static final double BATCH_HEADROOM = 1.25;

    public SimulatedSiteOptions {
        Check.required("site", site);
        Check.required("zone", zone);
        Check.duration("step", step, MAX_STEP);
        if (step.getSeconds() < 1 || step.getNano() != 0) {
            throw new InvalidFieldException("step", "range", step, "must be whole seconds, >= 1 s");
        }
        Check.required("localOffset", localOffset);
        Check.range("itCapacityKw", itCapacityKw, 1, Check.MAX_SITE_KW);
        Check.required("jobMix", jobMix);
        Check.required("training", training);
        Check.required("pue", pue);
        Check.required("weather", weather);
        Check.powerKw("hostingCapacityKw", hostingCapacityKw);
        checkFits(itCapacityKw, jobMix, training, hostingCapacityKw);
    }

    /**
     * A typical 10 MW (IT) AI and cloud site on a summer day, 10 s steps, local time = UTC: 35 %
     * inflexible load, 15 % batch, 3,072 H200s training, a 4 MWh / 2 MW UPS battery with a 50 %
     * floor, a 6 MWh chilled-water store with 3 MW of chillers, a 3 MW diesel genset and 500 kW
     * kept for migrated-in jobs. Facility draw is about 10 MW, PUE 1.25-1.35.
     */
    public static SimulatedSiteOptions typical(SiteId site, GridZone zone, long seed) {
        double capacityKw = 10_000;
        return new SimulatedSiteOptions(
                site,
                zone,
                seed,
                DEFAULT_STEP,
                ZoneOffset.UTC,
                capacityKw,
                JobMixOptions.typical(),
                TrainingOptions.typical(3_072),
                PueOptions.typical(capacityKw),
                WeatherOptions.summer(),
                BatteryOptions.typical(),
                ChilledWaterOptions.typical(),
                GensetOptions.typical(),
                500);
    }

    /** IT capacity left for the batch queue once the other loads have their peak. */
    public double batchPartitionKw() {
        return batchPartitionKw(itCapacityKw, jobMix, training, hostingCapacityKw);
    }

    public SimulatedSiteOptions withSeed(long newSeed) {
        return new SimulatedSiteOptions(
                site,
                zone,
                newSeed,
                step,
                localOffset,
                itCapacityKw,
                jobMix,
                training,
                pue,
                weather,
                battery,
                chilledWater,
                genset,
                hostingCapacityKw);
    }

    public SimulatedSiteOptions withStep(Duration newStep) {
        return new SimulatedSiteOptions(
                site,
                zone,
                seed,
                newStep,
                localOffset,
                itCapacityKw,
                jobMix,
                training,
                pue,
                weather,
                battery,
                chilledWater,
                genset,
                hostingCapacityKw);
    }

    public SimulatedSiteOptions withLocalOffset(ZoneOffset offset) {
        return new SimulatedSiteOptions(
                site,
                zone,
                seed,
                step,
                offset,
                itCapacityKw,
                jobMix,
                training,
                pue,
                weather,
                battery,
                chilledWater,
                genset,
                hostingCapacityKw);
    }

    public SimulatedSiteOptions withJobMix(JobMixOptions mix) {
        return new SimulatedSiteOptions(
                site,
                zone,
                seed,
                step,
                localOffset,
                itCapacityKw,
                mix,
                training,
                pue,
                weather,
                battery,
                chilledWater,
                genset,
                hostingCapacityKw);
    }

    public SimulatedSiteOptions withTraining(TrainingOptions fleet) {
        return new SimulatedSiteOptions(
                site,
                zone,
                seed,
                step,
                localOffset,
                itCapacityKw,
                jobMix,
                fleet,
                pue,
                weather,
                battery,
                chilledWater,
                genset,
                hostingCapacityKw);
    }

    public SimulatedSiteOptions withWeather(WeatherOptions newWeather) {
        return new SimulatedSiteOptions(
                site,
                zone,
                seed,
                step,
                localOffset,
                itCapacityKw,
                jobMix,
                training,
                pue,
                newWeather,
                battery,
                chilledWater,
                genset,
                hostingCapacityKw);
    }

    public SimulatedSiteOptions withBattery(BatteryOptions newBattery) {
        return new SimulatedSiteOptions(
                site,
                zone,
                seed,
                step,
                localOffset,
                itCapacityKw,
                jobMix,
                training,
                pue,
                weather,
                newBattery,
                chilledWater,
                genset,
                hostingCapacityKw);
    }

    public SimulatedSiteOptions withChilledWater(ChilledWaterOptions store) {
        return new SimulatedSiteOptions(
                site,
                zone,
                seed,
                step,
                localOffset,
                itCapacityKw,
                jobMix,
                training,
                pue,
                weather,
                battery,
                store,
                genset,
                hostingCapacityKw);
    }

    public SimulatedSiteOptions withGenset(GensetOptions newGenset) {
        return new SimulatedSiteOptions(
                site,
                zone,
                seed,
                step,
                localOffset,
                itCapacityKw,
                jobMix,
                training,
                pue,
                weather,
                battery,
                chilledWater,
                newGenset,
                hostingCapacityKw);
    }

    public SimulatedSiteOptions withHostingCapacityKw(double kw) {
        return new SimulatedSiteOptions(
                site,
                zone,
                seed,
                step,
                localOffset,
                itCapacityKw,
                jobMix,
                training,
                pue,
                weather,
                battery,
                chilledWater,
                genset,
                kw);
    }

    private static double batchPartitionKw(
            double capacityKw, JobMixOptions mix, TrainingOptions fleet, double hostingKw) {
        return capacityKw
                - mix.inferencePeakShare() * capacityKw
                - fleet.maxKw(GpuPowerCurve.h200())
                - hostingKw;
    }

    private static void checkFits(
            double capacityKw, JobMixOptions mix, TrainingOptions fleet, double hostingKw) {
        double batchMeanKw = mix.batchShare() * capacityKw;
        double partitionKw = batchPartitionKw(capacityKw, mix, fleet, hostingKw);
        if (partitionKw < BATCH_HEADROOM * batchMeanKw || partitionKw <= 0) {
            throw new InvalidFieldException(
                    "itCapacityKw",
                    "range",
                    capacityKw,
                    String.format(
                            Locale.ROOT,
                            "must hold the inflexible peak (%.0f kW), training at full duty"
                                    + " (%.0f kW), hosting (%.0f kW) and 1.25 x mean batch"
                                    + " (%.0f kW)",
                            mix.inferencePeakShare() * capacityKw,
                            fleet.maxKw(GpuPowerCurve.h200()),
                            hostingKw,
                            batchMeanKw));
        }
    }
}
