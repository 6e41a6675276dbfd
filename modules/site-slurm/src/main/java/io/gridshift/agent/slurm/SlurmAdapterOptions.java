package io.gridshift.agent.slurm;

import io.gridshift.domain.Check;
import io.gridshift.domain.flex.Limits;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Settings of {@link SlurmSiteAdapter}.
 *
 * @param site the site's id, for the envelope
 * @param zone the site's grid zone, for the envelope
 * @param partitions the partitions whose jobs may be flexible; empty for all
 * @param defaultCpuKw power of one CPU of a job whose comment states no {@code kw}, 0 to 10 kW
 *     (default 0.01)
 * @param partitionLimits limits lowered while an order lasts; empty for none
 * @param ramp time for a hold or a suspension to take effect (default 10 s)
 * @param jobCostPerKwh cost of deferring one kWh of batch work (default 0.05)
 */
public record SlurmAdapterOptions(
        SiteId site,
        GridZone zone,
        Set<String> partitions,
        double defaultCpuKw,
        List<PartitionLimit> partitionLimits,
        Duration ramp,
        double jobCostPerKwh) {
    public static final double DEFAULT_CPU_KW = 0.01;
    public static final Duration DEFAULT_RAMP = Duration.ofSeconds(10);
    public static final double DEFAULT_JOB_COST_PER_KWH = 0.05;

    public SlurmAdapterOptions {
        Check.required("site", site);
        Check.required("zone", zone);
        partitions = Set.copyOf(Check.size("partitions", partitions, 0, 1024));
        Check.range("defaultCpuKw", defaultCpuKw, 0, 10);
        partitionLimits = List.copyOf(Check.size("partitionLimits", partitionLimits, 0, 64));
        Check.duration("ramp", Check.required("ramp", ramp), Limits.MAX_RAMP);
        Check.range("jobCostPerKwh", jobCostPerKwh, 0, Limits.MAX_COST_PER_KWH);
    }

    /** The defaults: every partition, no partition limits. */
    public static SlurmAdapterOptions defaults(SiteId site, GridZone zone) {
        return new SlurmAdapterOptions(
                site,
                zone,
                Set.of(),
                DEFAULT_CPU_KW,
                List.of(),
                DEFAULT_RAMP,
                DEFAULT_JOB_COST_PER_KWH);
    }

    boolean covers(String partition) {
        return partitions.isEmpty() || partitions.contains(partition);
    }
}
