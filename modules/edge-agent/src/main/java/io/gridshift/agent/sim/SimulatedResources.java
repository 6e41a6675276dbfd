package io.gridshift.agent.sim;

import java.time.Duration;

/**
 * The resource ids of a simulated site, as they appear in its envelope and in orders, with the
 * response time and prices the envelope offers. A site lists a resource only when its options give
 * it one (a battery, a store, a genset, batch share, GPUs).
 */
public final class SimulatedResources {
    /** Batch jobs: hold the queue and suspend running jobs (DEFERRABLE_JOBS). */
    public static final String BATCH = "batch";

    /** Training GPUs: power cap down to a pause (POWER_CAP). */
    public static final String TRAIN = "train";

    /** UPS battery (BATTERY). */
    public static final String UPS = "ups";

    /** Chilled-water store (THERMAL). */
    public static final String CHW = "chw";

    /** Training jobs that can move to another site (MIGRATABLE_JOBS). */
    public static final String MIG = "mig";

    /** Genset (ONSITE_GENERATION). */
    public static final String GEN = "gen";

    /** Suspending and holding batch jobs through the scheduler. */
    static final Duration BATCH_RAMP = Duration.ofSeconds(60);

    /** GPU caps act within a second or two (calibration README); 5 s covers the scheduler. */
    static final Duration TRAIN_RAMP = Duration.ofSeconds(5);

    /** Inverter response. */
    static final Duration UPS_RAMP = Duration.ofSeconds(1);

    /** Stopping chillers safely, one after another. */
    static final Duration CHW_RAMP = Duration.ofSeconds(120);

    /** Checkpointing a job (or restoring one that arrives) before its load moves. */
    static final Duration MIG_RAMP = Duration.ofMinutes(5);

    /** Least time a batch job must be able to wait to be offered for deferral. */
    static final Duration MIN_BATCH_HOLD = Duration.ofMinutes(15);

    /** Cost of deferring a kWh of batch work: a small service-level penalty. */
    static final double BATCH_COST_PER_KWH = 0.01;

    /** Value of a kWh of GPU training work (rental price of an H200 hour over its power). */
    static final double TRAINING_VALUE_PER_KWH = 2.5;

    private SimulatedResources() {}

    /** How long {@code resource} takes to reach full reduction on this site. */
    static Duration ramp(String resource, SimulatedSiteOptions options) {
        switch (resource) {
            case BATCH:
                return BATCH_RAMP;
            case TRAIN:
                return TRAIN_RAMP;
            case UPS:
                return UPS_RAMP;
            case CHW:
                return CHW_RAMP;
            case MIG:
                return MIG_RAMP;
            case GEN:
                return options.genset() == null ? Duration.ZERO : options.genset().startTime();
            default:
                return Duration.ZERO;
        }
    }

    /** Whether this site has {@code resource}. */
    static boolean has(String resource, SimulatedSiteOptions options) {
        switch (resource) {
            case BATCH:
                return options.jobMix().batchShare() > 0;
            case TRAIN:
            case MIG:
                return options.training().gpuCount() > 0;
            case UPS:
                return options.battery() != null;
            case CHW:
                return options.chilledWater() != null;
            case GEN:
                return options.genset() != null;
            default:
                return false;
        }
    }
}
