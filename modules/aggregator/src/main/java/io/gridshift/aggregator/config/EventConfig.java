package io.gridshift.aggregator.config;

import io.gridshift.aggregator.event.EventOptions;
import io.gridshift.domain.config.Option;
import io.gridshift.domain.config.Parsers;
import io.gridshift.domain.config.Settings;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.GridZone;
import io.gridshift.optimizer.MigrationOptions;
import io.gridshift.optimizer.SolverOptions;
import io.gridshift.optimizer.ZoneMarket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code event.*} options: how a node orchestrates the grid events its VEN opted into (the
 * plan, the closed loop, migrations) as {@link EventOptions}. Their defaults are {@link
 * EventOptions#defaults()}.
 */
public final class EventConfig {
    static final Option<Duration> CHECK_EVERY =
            Option.of(
                    "event.checkEveryMs",
                    "200",
                    millis(10, 60_000),
                    "How often (wall time) a node looks at the events its member owns.");
    static final Option<Duration> LOOP_PERIOD =
            Option.of(
                    "event.loopPeriodS",
                    "10",
                    Parsers.seconds(1, 3600),
                    "The closed loop's period: measured reduction against the commitment.");
    static final Option<Duration> LEAD =
            Option.of(
                    "event.leadS",
                    "120",
                    Parsers.seconds(0, 86_400),
                    "How long before an event's start its orders start (the resources' ramp-in).");
    static final Option<Double> RESERVE =
            Option.of(
                    "event.reserveShare",
                    "0.15",
                    Parsers.number(0, 0.9),
                    "Share of every resource kept back for re-dispatch.");
    static final Option<Double> DEADBAND =
            Option.of(
                    "event.deadband",
                    "0.01",
                    Parsers.number(0, 0.5),
                    "Error (share of the commitment) the loop lets pass without a revision.");
    static final Option<Double> GAIN =
            Option.of(
                    "event.gain",
                    "0.6",
                    Parsers.number(0.01, 1),
                    "Share of the error the loop orders away at once.");
    static final Option<Duration> SILENT_AFTER =
            Option.of(
                    "event.silentAfterS",
                    "30",
                    Parsers.seconds(1, 3600),
                    "A site not heard from this long during an event counts as lost and is"
                            + " replaced.");
    static final Option<List<ZoneMarket>> MARKETS =
            Option.of(
                    "event.markets",
                    "",
                    EventConfig::markets,
                    "Price (per kWh) and carbon (kg/kWh) per zone for migrations,"
                            + " `zone:price:carbon` comma-separated; zones without one are not"
                            + " moved to.");
    static final Option<Double> TRANSFER =
            Option.of(
                    "event.migration.transferGbps",
                    "10",
                    Parsers.number(0.001, 10_000),
                    "Bandwidth between sites for a migrating job's checkpoint, in Gbit/s.");
    static final Option<Double> DELAY_VALUE =
            Option.of(
                    "event.migration.delayValuePerKwh",
                    "0.05",
                    Parsers.number(0, 1e6),
                    "Value of a kWh of work held up while its data moves.");
    static final Option<Double> CARBON_PRICE =
            Option.of(
                    "event.migration.carbonPricePerKg",
                    "0.1",
                    Parsers.number(0, 1e6),
                    "Price of a kg of CO2 in a migration's cost.");
    static final Option<Double> MAX_MOVE_COST =
            Option.of(
                    "event.migration.maxCostPerKwh",
                    "1.0",
                    Parsers.number(-1e6, 1e6),
                    "A move costing more per kWh shed in the event zone is not made.");
    static final Option<SolverOptions.Mode> SOLVER =
            Option.of(
                    "event.solver",
                    "merit_order",
                    Parsers.oneOf(SolverOptions.Mode.class),
                    "The allocation's method: merit_order, lp (GLOP) or auto.");
    static final Option<Duration> SOLVER_LIMIT =
            Option.of(
                    "event.solverTimeLimitMs",
                    "500",
                    millis(0, 600_000),
                    "Time limit of the allocation's solver (0: the merit order alone).");

    static final Option<Double> REBOUND_PEAK =
            Option.of(
                    "event.reboundPeakFactor",
                    "1.1",
                    Parsers.number(1, 2),
                    "After an event the fleet's load stays at most this times its baseline: what"
                            + " the sites shed comes back in steps (LIMIT_REBOUND orders).");

    private EventConfig() {}

    static List<Option<?>> all() {
        return List.of(
                CHECK_EVERY,
                LOOP_PERIOD,
                LEAD,
                RESERVE,
                DEADBAND,
                GAIN,
                SILENT_AFTER,
                MARKETS,
                TRANSFER,
                DELAY_VALUE,
                CARBON_PRICE,
                MAX_MOVE_COST,
                SOLVER,
                SOLVER_LIMIT,
                REBOUND_PEAK);
    }

    /** The node's event options from {@code s}. */
    public static EventOptions events(Settings s) {
        return new EventOptions(
                s.get(CHECK_EVERY),
                s.get(LOOP_PERIOD),
                s.get(LEAD),
                s.get(RESERVE),
                s.get(DEADBAND),
                s.get(GAIN),
                s.get(SILENT_AFTER),
                s.get(MARKETS),
                new MigrationOptions(
                        s.get(TRANSFER),
                        s.get(DELAY_VALUE),
                        s.get(CARBON_PRICE),
                        s.get(MAX_MOVE_COST)),
                new SolverOptions(s.get(SOLVER), s.get(SOLVER_LIMIT)),
                s.get(REBOUND_PEAK));
    }

    private static Function<String, Duration> millis(long min, long max) {
        return Parsers.integer(min, max).andThen(Duration::ofMillis);
    }

    /** {@code zone:price:carbon}, comma-separated; empty: none. */
    static List<ZoneMarket> markets(String text) {
        List<ZoneMarket> out = new ArrayList<>();
        for (String item : text.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            String[] p = item.trim().split(":");
            if (p.length != 3) {
                throw new InvalidFieldException(
                        "value", "format", item, "must be zone:pricePerKwh:carbonKgPerKwh");
            }
            try {
                out.add(
                        new ZoneMarket(
                                GridZone.of(p[0]),
                                Double.parseDouble(p[1]),
                                Double.parseDouble(p[2])));
            } catch (NumberFormatException e) {
                throw new InvalidFieldException(
                        "value", "type", item, "price and carbon must be numbers");
            }
        }
        return List.copyOf(out);
    }
}
