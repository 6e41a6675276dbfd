package io.gridshift.agent.gpu;

import io.gridshift.domain.Check;
import io.gridshift.domain.flex.Limits;
import io.gridshift.domain.flex.LossCurve;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import java.time.Duration;

/**
 * Settings of {@link GpuPowerAdapter}.
 *
 * @param site the site's id, for the envelope
 * @param zone the site's grid zone, for the envelope
 * @param pue facility power over IT power, 1 to 3 (default 1.3); a constant because this adapter
 *     reads no facility meter
 * @param hostWPerGpu power of the host share per GPU (CPUs, NICs, fans), 0 to 5,000 W (default
 *     250); counted as IT load but never capped
 * @param allowPowerLimit whether the operator granted the right to change power limits (default
 *     false: without it the adapter only reads)
 * @param floorWPerGpu the lowest limit the adapter sets, in W; {@code null} (default) for each
 *     board's own minimum from nvidia-smi. A floor below a board's minimum is raised to it
 * @param lossCurve throughput lost per kW capped; {@code null} (default) derives one from the
 *     measured H200 duty-cycle curve, which is pessimistic for DVFS capping (see {@link
 *     GpuLossCurves})
 * @param ramp time for a new limit to take effect (default 5 s)
 * @param valuePerKwhOfWork value of the GPU work, to price the throughput loss (default 2.5)
 */
public record GpuAdapterOptions(
        SiteId site,
        GridZone zone,
        double pue,
        double hostWPerGpu,
        boolean allowPowerLimit,
        Double floorWPerGpu,
        LossCurve lossCurve,
        Duration ramp,
        double valuePerKwhOfWork) {
    public static final double DEFAULT_PUE = 1.3;
    public static final double DEFAULT_HOST_W_PER_GPU = 250;
    public static final Duration DEFAULT_RAMP = Duration.ofSeconds(5);
    public static final double DEFAULT_VALUE_PER_KWH = 2.5;

    public GpuAdapterOptions {
        Check.required("site", site);
        Check.required("zone", zone);
        Check.range("pue", pue, 1, 3);
        Check.range("hostWPerGpu", hostWPerGpu, 0, 5_000);
        if (floorWPerGpu != null) {
            Check.range("floorWPerGpu", floorWPerGpu, 0, 5_000);
        }
        Check.duration("ramp", Check.required("ramp", ramp), Limits.MAX_RAMP);
        Check.range("valuePerKwhOfWork", valuePerKwhOfWork, 0, Limits.MAX_COST_PER_KWH);
    }

    /** The defaults for a site: read only, until the operator sets {@code allowPowerLimit}. */
    public static GpuAdapterOptions defaults(SiteId site, GridZone zone) {
        return new GpuAdapterOptions(
                site,
                zone,
                DEFAULT_PUE,
                DEFAULT_HOST_W_PER_GPU,
                false,
                null,
                null,
                DEFAULT_RAMP,
                DEFAULT_VALUE_PER_KWH);
    }

    /** The same options with the right to change power limits granted or withdrawn. */
    public GpuAdapterOptions withAllowPowerLimit(boolean allow) {
        return new GpuAdapterOptions(
                site,
                zone,
                pue,
                hostWPerGpu,
                allow,
                floorWPerGpu,
                lossCurve,
                ramp,
                valuePerKwhOfWork);
    }
}
