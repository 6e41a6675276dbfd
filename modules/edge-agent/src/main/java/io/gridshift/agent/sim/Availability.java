package io.gridshift.agent.sim;

import static io.gridshift.agent.sim.SimulatedResources.BATCH;
import static io.gridshift.agent.sim.SimulatedResources.CHW;
import static io.gridshift.agent.sim.SimulatedResources.GEN;
import static io.gridshift.agent.sim.SimulatedResources.TRAIN;
import static io.gridshift.agent.sim.SimulatedResources.UPS;

import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.flex.MigratableJob;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What each resource can still give at one instant, net of the active orders: the one source of the
 * envelope's figures and of the checks, so that an order within the envelope passes the check.
 * Reductions are facility kW (IT kW × the marginal PUE), as the grid sees them. Leaving out the
 * order a new revision replaces adds its share back (for jobs it holds, approximately: by what it
 * asks).
 */
final class Availability {
    private final SimulatedSiteOptions options;
    private final Plant plant;
    private final ActiveOrders orders;
    private final long nowS;
    private final DispatchId except;
    private final double marginal;
    private final double cop;

    Availability(
            SimulatedSiteOptions options,
            PueModel pue,
            Plant plant,
            ActiveOrders orders,
            long nowS,
            DispatchId except) {
        this.options = options;
        this.plant = plant;
        this.orders = orders;
        this.nowS = nowS;
        this.except = except;
        this.marginal = pue.marginal(plant.state().outdoorC());
        this.cop = pue.cop(plant.state().outdoorC());
    }

    /** Facility kW saved per IT kW shed now. */
    double marginal() {
        return marginal;
    }

    /** Chiller COP now: kWh of cold a kWh of coasting uses up. */
    double cop() {
        return cop;
    }

    /** Batch power that could be held for {@code holdS} without breaking a deadline. */
    double batchKw(long holdS) {
        return marginal * plant.batch.holdableKw(nowS, holdS) + addBack(BATCH);
    }

    /**
     * How long the jobs offered for deferral (those that can wait at least {@link
     * SimulatedResources#MIN_BATCH_HOLD}) can all wait: the least slack among them.
     */
    Duration batchHold() {
        double min = Double.MAX_VALUE;
        long minHoldS = SimulatedResources.MIN_BATCH_HOLD.getSeconds();
        for (BatchJob job : plant.batch.runningJobs()) {
            double slack = job.slackS(nowS);
            if (slack >= minHoldS) {
                min = Math.min(min, slack);
            }
        }
        return min == Double.MAX_VALUE ? Duration.ZERO : bounded(min);
    }

    /** Training power a deeper cap could still remove. */
    double trainKw() {
        return marginal * plant.training.reducibleKw() + addBack(TRAIN);
    }

    /** How long every present training job could be paused: the least slack. */
    double trainSlackS() {
        return plant.training.minSlackS(nowS);
    }

    double upsKw() {
        return plant.battery.options().maxKw() - orders.committedKw(UPS, except);
    }

    /** Energy above the floor not yet promised to running discharges. */
    double upsKwh() {
        return plant.battery.availableKwh() - orders.reservedKwh(UPS, nowS, except);
    }

    /** Chiller power that could still be switched off. */
    double chwKw() {
        return Math.max(0, plant.chillerNeedKw() - orders.committedKw(CHW, except));
    }

    /** Cold in the store not yet promised to running coasts, kWh thermal. */
    double chwColdKwh() {
        return Math.max(0, plant.store.storedKwh() - orders.reservedKwh(CHW, nowS, except) * cop);
    }

    double genKw() {
        return options.genset().kw() - orders.committedKw(GEN, except);
    }

    /** IT power still free for jobs migrating in. */
    double hostingKw() {
        return options.hostingCapacityKw() - orders.migratingInKw(except);
    }

    /** Jobs that could move now: migratable, here, and not moved by a running order. */
    List<MigratableJob> migratableJobs() {
        List<MigratableJob> jobs = new ArrayList<>();
        for (TrainingJob job : plant.training.jobs()) {
            if (job.migratable && !job.away && !orders.moves(job.id, except)) {
                double kw = plant.training.nominalKw(job);
                jobs.add(
                        new MigratableJob(
                                job.id,
                                kw,
                                kw * Math.max(0, job.remainingH),
                                Instant.ofEpochSecond(job.deadlineS),
                                job.dataGb,
                                options.training().allowedZones()));
            }
        }
        return jobs;
    }

    /** Whether {@code job} is a training job that is here and may move. */
    TrainingJob migratable(String job) {
        return plant.training.job(job).filter(j -> j.migratable).orElse(null);
    }

    private double addBack(String resource) {
        return orders.askedByKw(except, resource, nowS, SimulatedResources.ramp(resource, options));
    }

    /** A duration within the domain's 48 h bound for a hold. */
    static Duration bounded(double seconds) {
        long s = (long) Math.max(0, Math.min(seconds, Duration.ofHours(48).getSeconds()));
        return Duration.ofSeconds(s);
    }
}
