package io.gridshift.agent.sim;

import io.gridshift.agent.site.SiteReading;
import java.time.Instant;

/**
 * Everything the simulated site shows at the end of one internal step: more than a {@link
 * SiteReading}, for tests, the fleet simulator and the demo's charts.
 *
 * @param time end of the step
 * @param outdoorC outdoor temperature
 * @param inferenceKw inflexible IT load
 * @param batchKw batch jobs running
 * @param trainingKw training GPUs and their hosts
 * @param hostedKw jobs migrated in
 * @param itKw all IT load
 * @param chillerKw chiller electrical power (lower while coasting, higher while recharging)
 * @param facilityKw the building's draw: IT + overhead
 * @param pue facility over IT
 * @param gensetKw genset output
 * @param batteryKw battery power: positive when discharging, negative when charging
 * @param batterySocPct state of charge; {@code null} without a battery
 * @param chilledWaterKwh cold in the store; {@code null} without one
 * @param gridImportKw facility - genset - battery
 * @param batchRunning batch jobs running
 * @param batchQueued batch jobs waiting (queued or held)
 * @param batchDeadlinesMissed batch jobs finished after their deadline, since the start
 * @param trainingCapShare share of the GPU power range above idle that the cap removes (1: paused)
 */
public record SimulatedSiteState(
        Instant time,
        double outdoorC,
        double inferenceKw,
        double batchKw,
        double trainingKw,
        double hostedKw,
        double itKw,
        double chillerKw,
        double facilityKw,
        double pue,
        double gensetKw,
        double batteryKw,
        Double batterySocPct,
        Double chilledWaterKwh,
        double gridImportKw,
        int batchRunning,
        int batchQueued,
        long batchDeadlinesMissed,
        double trainingCapShare) {

    /** What the agent reads. */
    public SiteReading toReading() {
        return new SiteReading(facilityKw, itKw, gridImportKw, gensetKw, batterySocPct);
    }
}
