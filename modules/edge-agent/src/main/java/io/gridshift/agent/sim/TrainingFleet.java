package io.gridshift.agent.sim;

import io.gridshift.domain.flex.LossCurve;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The GPU training fleet: fixed blocks of GPUs, each running one job after another. A job's
 * parameters come from its own random stream (seed, block, generation), so the site and its shadow
 * baseline get the same jobs even when a cap makes one finish later.
 *
 * <p>Board power per GPU is the calibration curve at the job's duty; a power cap lowers every
 * present job's board power by the same share of its range above the idle floor (a cap of the whole
 * range is a pause: the floor stays while the job holds the device). Blocks whose job is away are
 * parked and draw nothing.
 */
final class TrainingFleet {
    private static final int LOSS_CURVE_POINTS = 10;
    private static final double MIN_WORK_H = 24;
    private static final double MAX_WORK_H = 240;

    private final TrainingOptions options;
    private final GpuPowerCurve curve;
    private final long seed;
    private final String idPrefix;
    private final TrainingJob[] blocks;
    private final int[] generation;
    private double capShare;

    /**
     * @param idPrefix the start of every job id, unique to the site (jobs keep their ids when they
     *     move to another site)
     */
    TrainingFleet(
            TrainingOptions options, GpuPowerCurve curve, long seed, String idPrefix, long startS) {
        this.options = options;
        this.curve = curve;
        this.seed = seed;
        this.idPrefix = idPrefix;
        int count = (options.gpuCount() + options.gpusPerJob() - 1) / options.gpusPerJob();
        this.blocks = new TrainingJob[count];
        this.generation = new int[count];
        for (int b = 0; b < count; b++) {
            blocks[b] = newJob(b, startS, true);
        }
    }

    private int gpusOf(int block) {
        int rest = options.gpuCount() - block * options.gpusPerJob();
        return Math.min(options.gpusPerJob(), rest);
    }

    private TrainingJob newJob(int block, long startS, boolean alreadyRunning) {
        int gen = generation[block];
        SplittableRandom r =
                new SplittableRandom(
                        seed ^ (0x9E3779B97F4A7C15L * (block + 1)) ^ (0xC2B2AE3D27D4EB4FL * gen));
        double workH = MIN_WORK_H + r.nextDouble() * (MAX_WORK_H - MIN_WORK_H);
        double doneH = alreadyRunning ? r.nextDouble() * 0.9 * workH : 0;
        double deadlineFactor = 1.5 + 1.5 * r.nextDouble();
        long submittedS = startS - Math.round(doneH * 3600);
        long deadlineS = submittedS + Math.round(workH * deadlineFactor * 3600);
        boolean migratable = r.nextDouble() < options.migratableShare();
        int gpus = gpusOf(block);
        return new TrainingJob(
                idPrefix + block + "-" + gen,
                gpus,
                deadlineS,
                migratable,
                gpus * options.checkpointGbPerGpu(),
                workH - doneH,
                options.nominalDuty());
    }

    /**
     * Caps present jobs so that IT power falls by {@code capItKw} below nominal (at most a pause).
     * A job with no slack left runs uncapped: its deadline wins over the order.
     */
    void applyCap(double capItKw, long nowS, long stepS) {
        double range = nominalRangeW();
        double presentGpus = presentGpus();
        capShare =
                capItKw <= 0 || presentGpus == 0 || range <= 0
                        ? 0
                        : Math.min(1, capItKw * 1000 / (presentGpus * range));
        double duty = dutyAt(capShare);
        for (TrainingJob job : blocks) {
            job.duty = job.slackS(nowS) <= stepS ? options.nominalDuty() : duty;
        }
    }

    /**
     * Progress over one step ending at {@code endS}; a finished job hands its block to the next.
     */
    void advance(long endS, long stepS) {
        double nominalTflops = curve.tflops(options.nominalDuty());
        for (int b = 0; b < blocks.length; b++) {
            TrainingJob job = blocks[b];
            double rate = job.away ? 1 : curve.tflops(job.duty) / nominalTflops;
            job.remainingH -= rate * stepS / 3600.0;
            if (job.remainingH <= 0) {
                generation[b]++;
                blocks[b] = newJob(b, endS, false);
                blocks[b].duty = dutyAt(capShare);
            }
        }
    }

    /** IT power of the fleet now, hosts included. */
    double kw() {
        double kw = 0;
        for (TrainingJob job : blocks) {
            if (!job.away) {
                kw += job.gpus * (curve.powerW(job.duty) / 1000 + options.hostKwPerGpu());
            }
        }
        return kw;
    }

    /** What a job draws at nominal duty, hosts included: what it takes along when it moves. */
    double nominalKw(TrainingJob job) {
        return job.gpus * (curve.powerW(options.nominalDuty()) / 1000 + options.hostKwPerGpu());
    }

    /** Share of the board power range above the idle floor that the cap removes now. */
    double capShare() {
        return capShare;
    }

    /** IT power a deeper cap (down to a pause) could still remove. */
    double reducibleKw() {
        return presentGpus() * (curve.powerW(dutyAt(capShare)) - curve.idlePowerW()) / 1000;
    }

    /** Least slack among present jobs: how long a pause may last; MAX_VALUE without jobs. */
    double minSlackS(long nowS) {
        double min = Double.MAX_VALUE;
        for (TrainingJob job : blocks) {
            if (!job.away) {
                min = Math.min(min, job.slackS(nowS));
            }
        }
        return min;
    }

    /**
     * Throughput lost against facility kW removed from the current cap on, down to a pause; {@code
     * marginal} turns IT kW into facility kW. Empty when nothing is left to cap.
     */
    Optional<LossCurve> lossCurve(double marginal) {
        double gpus = presentGpus();
        double fromW = curve.powerW(dutyAt(capShare));
        double fromTflops = curve.tflops(dutyAt(capShare));
        if (gpus == 0 || fromW <= curve.idlePowerW() || fromTflops <= 0) {
            return Optional.empty();
        }
        List<LossCurve.Point> points = new ArrayList<>();
        points.add(new LossCurve.Point(0, 0));
        for (int k = 1; k <= LOSS_CURVE_POINTS; k++) {
            double share = capShare + (1 - capShare) * k / LOSS_CURVE_POINTS;
            double duty = dutyAt(share);
            double kw = marginal * gpus * (fromW - curve.powerW(duty)) / 1000;
            double loss = Math.min(1, Math.max(0, 1 - curve.tflops(duty) / fromTflops));
            points.add(new LossCurve.Point(kw, loss));
        }
        return Optional.of(new LossCurve(points));
    }

    List<TrainingJob> jobs() {
        return List.of(blocks);
    }

    Optional<TrainingJob> job(String id) {
        for (TrainingJob job : blocks) {
            if (job.id.equals(id)) {
                return Optional.of(job);
            }
        }
        return Optional.empty();
    }

    private double presentGpus() {
        double gpus = 0;
        for (TrainingJob job : blocks) {
            if (!job.away) {
                gpus += job.gpus;
            }
        }
        return gpus;
    }

    private double nominalRangeW() {
        return curve.powerW(options.nominalDuty()) - curve.idlePowerW();
    }

    private double dutyAt(double share) {
        if (share <= 0) {
            return options.nominalDuty();
        }
        return curve.dutyAtPowerW(curve.idlePowerW() + (1 - share) * nominalRangeW());
    }
}
