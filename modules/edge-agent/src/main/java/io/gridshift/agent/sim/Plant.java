package io.gridshift.agent.sim;

import java.time.Instant;

/**
 * One complete simulated facility: job mix, cooling, battery, genset. The site runs two: the real
 * one, which obeys the orders, and a shadow fed the same inputs and no orders, whose grid import is
 * the counterfactual baseline an order's reduction is measured against.
 */
final class Plant {
    private final PueModel pue;
    final BatchQueue batch;
    final TrainingFleet training;
    final HostedJobs hosted = new HostedJobs();
    final BatteryModel battery;
    final ChilledWaterStore store;
    final GensetModel genset;
    private SimulatedSiteState state;

    Plant(SimulatedSiteOptions options, PueModel pue, long startS) {
        this.pue = pue;
        this.batch = new BatchQueue(options.batchPartitionKw());
        this.training =
                new TrainingFleet(
                        options.training(),
                        GpuPowerCurve.h200(),
                        options.seed(),
                        JobIds.prefix(options.site(), "-t"),
                        startS);
        this.battery = options.battery() == null ? null : new BatteryModel(options.battery());
        this.store =
                options.chilledWater() == null
                        ? null
                        : new ChilledWaterStore(options.chilledWater());
        this.genset = options.genset() == null ? null : new GensetModel(options.genset());
    }

    /** Runs one step of {@code stepS} seconds ending at {@code in.epochS()}. */
    void step(StepInputs in, Commands c, long stepS) {
        long endS = in.epochS();
        batch.submit(in.arrivals());
        batch.schedule(endS - stepS, stepS, c.batchBudgetKw());
        batch.advance(endS, stepS);
        training.applyCap(c.trainingCapItKw(), endS - stepS, stepS);
        double trainingKw = training.kw();
        training.advance(endS, stepS);
        double hostedKw = hosted.kw();
        double itKw = in.inferenceKw() + batch.runningKw() + trainingKw + hostedKw;
        double t = in.outdoorC();
        double chillerNeedKw = pue.chillerKw(itKw, t);
        double chillerKw =
                store == null
                        ? chillerNeedKw
                        : store.step(
                                c.coastShare(),
                                chillerNeedKw,
                                pue.mechanicalHeatKw(itKw, t),
                                pue.cop(t),
                                c.chwRechargeCapKw(),
                                stepS);
        double facilityKw = itKw + pue.otherOverheadKw(itKw) + chillerKw;
        double genKw = genset == null ? 0 : genset.step(c.gensetKw(), facilityKw, stepS);
        double batteryKw =
                battery == null
                        ? 0
                        : battery.step(
                                c.dischargeKw(), facilityKw - genKw, c.rechargeCapKw(), stepS);
        state =
                new SimulatedSiteState(
                        Instant.ofEpochSecond(endS),
                        t,
                        in.inferenceKw(),
                        batch.runningKw(),
                        trainingKw,
                        hostedKw,
                        itKw,
                        chillerKw,
                        facilityKw,
                        itKw > 0 ? facilityKw / itKw : Double.NaN,
                        genKw,
                        batteryKw,
                        battery == null ? null : battery.socPct(),
                        store == null ? null : store.storedKwh(),
                        facilityKw - genKw - batteryKw,
                        batch.runningCount(),
                        batch.queuedCount(),
                        batch.deadlinesMissed(),
                        training.capShare());
    }

    /** The last step's state; {@code null} before the first step. */
    SimulatedSiteState state() {
        return state;
    }

    /** Chiller power the current load needs without the store. */
    double chillerNeedKw() {
        return pue.chillerKw(state.itKw(), state.outdoorC());
    }
}
