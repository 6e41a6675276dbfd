/**
 * A simulated data center behind the {@link io.gridshift.agent.site.SiteAdapter} contract: {@link
 * io.gridshift.agent.sim.SimulatedDataCenter}, configured by {@link
 * io.gridshift.agent.sim.SimulatedSiteOptions}.
 *
 * <h2>Model</h2>
 *
 * <ul>
 *   <li><b>Inflexible load</b> (inference, web, storage): a share of IT capacity × a daily cosine
 *       in local time (peak hour and amplitude configurable) × slow AR(1) noise.
 *   <li><b>Batch</b>: Poisson arrivals (rate from the batch share, following the daily shape at
 *       half its swing), each job with an exponential power and run time and a deadline slack drawn
 *       uniformly. A deadline-aware scheduler runs them in the batch partition (capacity left once
 *       the other loads peak). A hold is a power budget below the baseline's batch power: the
 *       running jobs with the most slack are suspended, new ones wait, a job whose slack is gone
 *       runs anyway. Held work runs later (rebound factor 1).
 *   <li><b>Training</b>: blocks of GPUs each running one long job after another. Board power per
 *       GPU is the measured H200 curve at the job's duty cycle ({@link
 *       io.gridshift.agent.sim.GpuPowerCurve}), plus a fixed host power per GPU. A power cap lowers
 *       every GPU's power by the same share of its range above the idle floor, down to a pause; the
 *       work lost is the measured throughput ratio. Only duty-cycle throttling was measured, so the
 *       loss curve is exact for a pause and pessimistic for partial DVFS caps.
 *   <li><b>Migration</b>: some training jobs are migratable (checkpoint size per GPU, allowed
 *       zones). MIGRATE_OUT parks the job's GPUs after a 5 min checkpoint; the job keeps
 *       progressing elsewhere and comes back on revert unless it finished there. MIGRATE_IN
 *       reserves hosting capacity at once and runs the job at its kW until revert.
 *   <li><b>Facility</b> = IT + fixed + (electrical losses + fans) × IT + chillers ({@link
 *       io.gridshift.agent.sim.PueModel}); the chillers take a share of the heat that grows from 0
 *       (free cooling) to 1 with outdoor temperature, at a COP that falls as it warms. PUE comes
 *       out at 1.1-1.5.
 *   <li><b>Chilled-water store</b>: coasting switches chillers off and draws the cold from the
 *       store until it is empty; afterwards spare chiller capacity refills it (the rebound).
 *   <li><b>UPS battery</b>: discharges reduce the grid import and stop at the floor; afterwards it
 *       recharges at a fixed power, paying the round-trip loss.
 *   <li><b>Genset</b>: output as asked, up to its rating, ramping over its start time.
 *   <li><b>Rebound limit</b> (LIMIT_REBOUND, on batch, battery or store): while it holds, the batch
 *       may run at most the limit (grid-side, through the marginal PUE) above the shadow's batch,
 *       the battery recharges and the store re-cools at most at the limit. Jobs at their deadline
 *       run over it. When it lifts, whatever is still owed comes back at the plant's own rate.
 * </ul>
 *
 * <p>The model advances in fixed steps on the caller's instants and never reads a clock. One random
 * stream per site drives the outside world (load noise, weather, arrivals); training jobs draw from
 * their own streams. A shadow plant fed the same inputs without orders gives the counterfactual
 * baseline. All figures in envelopes, checks and orders are grid-side kW: IT reductions are
 * converted with the marginal PUE.
 */
package io.gridshift.agent.sim;
