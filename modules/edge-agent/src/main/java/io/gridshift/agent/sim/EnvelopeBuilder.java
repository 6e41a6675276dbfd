package io.gridshift.agent.sim;

import static io.gridshift.agent.sim.SimulatedResources.BATCH;
import static io.gridshift.agent.sim.SimulatedResources.CHW;
import static io.gridshift.agent.sim.SimulatedResources.GEN;
import static io.gridshift.agent.sim.SimulatedResources.MIG;
import static io.gridshift.agent.sim.SimulatedResources.TRAIN;
import static io.gridshift.agent.sim.SimulatedResources.UPS;

import io.gridshift.domain.flex.Battery;
import io.gridshift.domain.flex.DeferrableJobs;
import io.gridshift.domain.flex.FlexEnvelope;
import io.gridshift.domain.flex.FlexResource;
import io.gridshift.domain.flex.LossCurve;
import io.gridshift.domain.flex.MigratableJobs;
import io.gridshift.domain.flex.OnsiteGeneration;
import io.gridshift.domain.flex.PowerCap;
import io.gridshift.domain.flex.ThermalStorage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns {@link Availability} into the domain's envelope. Honest by construction: every figure is
 * what is left after the running orders, so an active hold, cap, discharge or coast shrinks its
 * resource, and a job that left is not offered.
 *
 * <p>The battery's {@code minSocPct} is the floor plus the energy running discharges will still
 * take until their end, so that {@link Battery#availableKwh()} and the duration it implies are what
 * a new order can really use.
 */
final class EnvelopeBuilder {
    private EnvelopeBuilder() {}

    static FlexEnvelope build(
            SimulatedSiteOptions options,
            Availability a,
            Plant site,
            Plant shadow,
            Instant now,
            Duration validity) {
        List<FlexResource> resources = new ArrayList<>();
        if (SimulatedResources.has(BATCH, options)) {
            resources.add(
                    new DeferrableJobs(
                            BATCH,
                            a.batchKw(SimulatedResources.MIN_BATCH_HOLD.getSeconds()),
                            a.batchHold(),
                            SimulatedResources.BATCH_RAMP,
                            SimulatedResources.BATCH_COST_PER_KWH,
                            1.0));
        }
        if (SimulatedResources.has(TRAIN, options)) {
            resources.add(powerCap(a, site));
            resources.add(new MigratableJobs(MIG, a.migratableJobs(), SimulatedResources.MIG_RAMP));
        }
        if (SimulatedResources.has(UPS, options)) {
            resources.add(battery(options.battery(), a, site.battery));
        }
        if (SimulatedResources.has(CHW, options)) {
            double kw = a.chwKw();
            double seconds = kw > 0 ? a.chwColdKwh() / (kw * a.cop()) * 3600 : 0;
            resources.add(
                    new ThermalStorage(
                            CHW,
                            kw,
                            Availability.bounded(seconds),
                            SimulatedResources.CHW_RAMP,
                            options.chilledWater().costPerKwh()));
        }
        if (SimulatedResources.has(GEN, options)) {
            GensetOptions g = options.genset();
            resources.add(
                    new OnsiteGeneration(
                            GEN,
                            Math.max(0, a.genKw()),
                            null,
                            g.startTime(),
                            g.costPerKwh(),
                            g.co2KgPerKwh()));
        }
        return new FlexEnvelope(
                options.site(),
                now,
                now.plus(validity),
                options.zone(),
                Math.max(0, shadow.state().gridImportKw()),
                Math.max(0, a.hostingKw()),
                resources);
    }

    private static PowerCap powerCap(Availability a, Plant site) {
        LossCurve curve = site.training.lossCurve(a.marginal()).orElse(null);
        double kw = curve == null ? 0 : Math.min(a.trainKw(), curve.maxReductionKw());
        return new PowerCap(
                TRAIN,
                kw,
                Availability.bounded(a.trainSlackS()),
                SimulatedResources.TRAIN_RAMP,
                curve == null ? LossCurve.linear(1, 1) : curve,
                SimulatedResources.TRAINING_VALUE_PER_KWH);
    }

    private static Battery battery(BatteryOptions o, Availability a, BatteryModel model) {
        double soc = model.socPct();
        double usableKwh = Math.max(0, a.upsKwh());
        double floorPct = Math.max(0, Math.min(soc, soc - usableKwh / o.energyKwh() * 100));
        return new Battery(
                UPS,
                Math.max(0, a.upsKw()),
                o.energyKwh(),
                soc,
                floorPct,
                SimulatedResources.UPS_RAMP,
                o.wearCostPerKwh());
    }
}
