package io.gridshift.aggregator.event;

import io.gridshift.optimizer.MigrationOptions;
import io.gridshift.optimizer.SolverOptions;
import io.gridshift.optimizer.ZoneMarket;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the node orchestrates the grid events its VEN opted into.
 *
 * @param checkEvery how often (wall time) the node looks at the events its member owns: new ones
 *     are planned and dispatched, changed ones revised, running ones tracked
 * @param loopPeriod the closed loop's period on the node's clock: measured against committed kW
 * @param lead how long before an event's start its orders start (resources ramp in this time)
 * @param reserveShare share of every resource kept back for re-dispatch, in [0, 0.9]
 * @param deadband the error (share of the commitment) the loop lets pass without a revision
 * @param gain share of the error the loop orders away at once, in (0, 1]
 * @param silentAfter a site not heard from this long (telemetry or ack) counts as lost
 * @param markets price and carbon per zone, for migrations (zones without one are not moved to)
 * @param migration how moves are priced
 * @param solver the allocation's method and time limit
 * @param reboundPeakFactor the fleet's load after an event stays at most this times its baseline:
 *     what the sites shed comes back in steps within it (LIMIT_REBOUND orders), in [1, 2]
 */
public record EventOptions(
        Duration checkEvery,
        Duration loopPeriod,
        Duration lead,
        double reserveShare,
        double deadband,
        double gain,
        Duration silentAfter,
        List<ZoneMarket> markets,
        MigrationOptions migration,
        SolverOptions solver,
        double reboundPeakFactor) {
    public EventOptions {
        Objects.requireNonNull(checkEvery, "checkEvery");
        Objects.requireNonNull(loopPeriod, "loopPeriod");
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(silentAfter, "silentAfter");
        markets = List.copyOf(markets);
        Objects.requireNonNull(migration, "migration");
        Objects.requireNonNull(solver, "solver");
        if (reserveShare < 0 || reserveShare > 0.9) {
            throw new IllegalArgumentException("reserveShare: must be in [0, 0.9]");
        }
        if (gain <= 0 || gain > 1) {
            throw new IllegalArgumentException("gain: must be in (0, 1]");
        }
        if (!(reboundPeakFactor >= 1 && reboundPeakFactor <= 2)) {
            throw new IllegalArgumentException("reboundPeakFactor: must be in [1, 2]");
        }
    }

    /**
     * Looked at every 200 ms, closed loop every 10 s, orders 2 min ahead, 15 % reserve, 1 %
     * deadband, 60 % of the error per step, sites lost after 30 s; merit order (thousands of sites
     * in a few hundred ms), no markets; the rebound within 1.1 x the fleet's baseline.
     */
    public static EventOptions defaults() {
        return new EventOptions(
                Duration.ofMillis(200),
                Duration.ofSeconds(10),
                Duration.ofMinutes(2),
                0.15,
                0.01,
                0.6,
                Duration.ofSeconds(30),
                List.of(),
                new MigrationOptions(10, 0.05, 0.1, 1.0),
                new SolverOptions(SolverOptions.Mode.MERIT_ORDER, Duration.ofMillis(500)),
                1.1);
    }

    public EventOptions withMarkets(List<ZoneMarket> m) {
        return new EventOptions(
                checkEvery,
                loopPeriod,
                lead,
                reserveShare,
                deadband,
                gain,
                silentAfter,
                m,
                migration,
                solver,
                reboundPeakFactor);
    }

    public EventOptions withCheckEvery(Duration d) {
        return new EventOptions(
                d,
                loopPeriod,
                lead,
                reserveShare,
                deadband,
                gain,
                silentAfter,
                markets,
                migration,
                solver,
                reboundPeakFactor);
    }

    public EventOptions withSilentAfter(Duration d) {
        return new EventOptions(
                checkEvery,
                loopPeriod,
                lead,
                reserveShare,
                deadband,
                gain,
                d,
                markets,
                migration,
                solver,
                reboundPeakFactor);
    }

    public EventOptions withReboundPeakFactor(double f) {
        return new EventOptions(
                checkEvery,
                loopPeriod,
                lead,
                reserveShare,
                deadband,
                gain,
                silentAfter,
                markets,
                migration,
                solver,
                f);
    }
}
