package io.gridshift.domain.flex;

import java.time.Duration;

/**
 * One flexible resource of a site: what it can shed now, how fast and for how long. The permitted
 * implementations are the six {@link ResourceKind kinds}.
 */
public sealed interface FlexResource
        permits DeferrableJobs,
                PowerCap,
                Battery,
                ThermalStorage,
                MigratableJobs,
                OnsiteGeneration {

    /** The resource's id within its site, referenced by dispatch actions. */
    String id();

    ResourceKind kind();

    /** The most grid import this resource can remove right now, in kW. */
    double maxReductionKw();

    /** How long the resource can hold {@link #maxReductionKw()}; {@code null} when unbounded. */
    Duration maxDuration();

    /** Time from an order to full reduction. */
    Duration ramp();
}
