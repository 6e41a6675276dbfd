package io.gridshift.agent.sim;

import io.gridshift.domain.Check;
import io.gridshift.domain.site.GridZone;
import java.util.Set;

/**
 * The GPU fleet that runs training jobs. Each job holds {@code gpusPerJob} GPUs for days; when one
 * ends the next starts on the same GPUs. Board power per GPU follows the measured H200 curve
 * ({@link GpuPowerCurve}); the host (CPUs, memory, network, fans) adds a fixed power per GPU that
 * neither a cap nor a pause removes.
 *
 * @param gpuCount GPUs in the training fleet; 0 for a site without training
 * @param gpusPerJob GPUs per training job (the last job takes the remainder)
 * @param nominalDuty duty cycle a training job keeps without a cap (0-1)
 * @param hostKwPerGpu host power per GPU, in kW
 * @param migratableShare share of jobs that can checkpoint and move to another site
 * @param checkpointGbPerGpu data moved with a migrating job, per GPU
 * @param allowedZones zones migratable jobs may run in (data residency); empty means any
 */
public record TrainingOptions(
        int gpuCount,
        int gpusPerJob,
        double nominalDuty,
        double hostKwPerGpu,
        double migratableShare,
        double checkpointGbPerGpu,
        Set<GridZone> allowedZones) {
    public TrainingOptions {
        Check.range("training.gpuCount", gpuCount, 0, 1_000_000);
        Check.range("training.gpusPerJob", gpusPerJob, 1, 100_000);
        Check.range("training.nominalDuty", nominalDuty, 0.05, 1);
        Check.range("training.hostKwPerGpu", hostKwPerGpu, 0, 10);
        Check.range("training.migratableShare", migratableShare, 0, 1);
        Check.range("training.checkpointGbPerGpu", checkpointGbPerGpu, 0, 1_000);
        allowedZones = Set.copyOf(Check.required("training.allowedZones", allowedZones));
    }

    /**
     * {@code gpuCount} H200s in jobs of 256 at 95 % duty, 250 W of host power per GPU, half of the
     * jobs migratable with 4 GB of checkpoint per GPU, to any zone.
     */
    public static TrainingOptions typical(int gpuCount) {
        return new TrainingOptions(gpuCount, 256, 0.95, 0.25, 0.5, 4, Set.of());
    }

    /** The fleet's draw with every GPU at full duty, in kW. */
    double maxKw(GpuPowerCurve curve) {
        return gpuCount * (curve.maxPowerW() / 1000 + hostKwPerGpu);
    }
}
