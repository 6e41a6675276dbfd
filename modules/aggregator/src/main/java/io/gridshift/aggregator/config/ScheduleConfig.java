package io.gridshift.aggregator.config;

import io.gridshift.aggregator.green.GreenContractsFile;
import io.gridshift.aggregator.schedule.ScheduleServiceOptions;
import io.gridshift.domain.config.Option;
import io.gridshift.domain.config.Parsers;
import io.gridshift.domain.config.Settings;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.optimizer.schedule.Policy;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The day-ahead schedule service's options ({@code schedule.*}), after the security options. */
final class ScheduleConfig {
    static final Option<Boolean> SCHEDULE_ENABLED =
            Option.of(
                    "schedule.enabled",
                    "false",
                    Parsers.bool(),
                    "Run the day-ahead schedule service (one node of the cluster plans, by lease).");
    static final Option<Duration> SCHEDULE_REPLAN =
            Option.of(
                    "schedule.replanIntervalS",
                    "900",
                    Parsers.seconds(1, 86_400),
                    "Seconds between planning runs (a signal change plans at once too).");
    static final Option<Long> SCHEDULE_SLOT =
            Option.of(
                    "schedule.slotMinutes",
                    "15",
                    Parsers.integer(15, 60),
                    "Plan slot, 15 or 60 minutes.");
    static final Option<Long> SCHEDULE_HORIZON =
            Option.of(
                    "schedule.horizonHours",
                    "24",
                    Parsers.integer(1, 48),
                    "How far ahead the plan reaches, hours.");
    static final Option<Policy> SCHEDULE_POLICY =
            Option.of(
                    "schedule.policy",
                    "BOTH",
                    Parsers.oneOf(Policy.class),
                    "`RUN_AT_ARRIVAL`, `TEMPORAL` (later at home), `SPATIAL` (elsewhere at once) or"
                            + " `BOTH`.");
    static final Option<Double> SCHEDULE_CARBON_PRICE =
            Option.of(
                    "schedule.carbonPricePerTonne",
                    "100",
                    Parsers.number(0, 100_000),
                    "Price of a tonne of CO2eq in the plan's objective.");
    static final Option<Double> SCHEDULE_TRANSFER =
            Option.of(
                    "schedule.transferGbps",
                    "10",
                    Parsers.number(0.001, 10_000),
                    "Bandwidth between sites for a migrated job's data, Gbit/s.");
    static final Option<Path> SCHEDULE_SIGNALS =
            Option.optional(
                    "schedule.signalsFolder",
                    Parsers.path(),
                    "Folder of signal CSV files (`time_utc,zone,price_per_mwh,carbon_g_per_kwh`),"
                            + " read again when changed.");
    static final Option<URI> SCHEDULE_FEED =
            Option.optional(
                    "schedule.feedUrl",
                    Parsers.uri("http", "https"),
                    "HTTP feed answering the same CSV, polled.");
    static final Option<Duration> SCHEDULE_FEED_INTERVAL =
            Option.of(
                    "schedule.feedIntervalS",
                    "60",
                    Parsers.seconds(1, 86_400),
                    "Seconds between reads of the signals folder and the feed.");

    static final Option<Path> SCHEDULE_GREEN =
            Option.optional(
                    "schedule.greenContractsFile",
                    Parsers.path(),
                    "JSON file of the sites' green supply contracts (hourly kW profile or annual"
                            + " MWh) and the zones' residual mix, for `GET /api/v1/green`, and the"
                            + " zones' grid headroom, which the day-ahead plan keeps to; read at"
                            + " start, strictly. Unset: no site has contracted green supply, no"
                            + " zone is limited.");

    private ScheduleConfig() {}

    static List<Option<?>> all() {
        return List.of(
                SCHEDULE_ENABLED,
                SCHEDULE_REPLAN,
                SCHEDULE_SLOT,
                SCHEDULE_HORIZON,
                SCHEDULE_POLICY,
                SCHEDULE_CARBON_PRICE,
                SCHEDULE_TRANSFER,
                SCHEDULE_SIGNALS,
                SCHEDULE_FEED,
                SCHEDULE_FEED_INTERVAL,
                SCHEDULE_GREEN);
    }

    /** The schedule service when {@code schedule.enabled}; {@code null} otherwise. */
    static ScheduleServiceOptions schedule(Settings s) {
        if (!s.get(SCHEDULE_ENABLED)) {
            if (s.find(SCHEDULE_GREEN).isPresent()) {
                throw new InvalidFieldException(
                        SCHEDULE_GREEN.key(),
                        "requires",
                        s.find(SCHEDULE_GREEN).get(),
                        "needs " + SCHEDULE_ENABLED.key() + "=true (the signals come with it)");
            }
            return null;
        }
        long slot = s.get(SCHEDULE_SLOT);
        if (slot != 15 && slot != 60) {
            throw new InvalidFieldException(SCHEDULE_SLOT.key(), "enum", slot, "must be 15 or 60");
        }
        ScheduleServiceOptions d = ScheduleServiceOptions.defaults();
        return new ScheduleServiceOptions(
                s.get(SCHEDULE_REPLAN),
                Duration.ofMinutes(slot),
                Duration.ofHours(s.get(SCHEDULE_HORIZON)),
                s.get(SCHEDULE_POLICY),
                s.get(SCHEDULE_CARBON_PRICE),
                s.get(SCHEDULE_TRANSFER),
                d.timeLimit(),
                s.find(SCHEDULE_SIGNALS).orElse(null),
                s.find(SCHEDULE_FEED).orElse(null),
                s.get(SCHEDULE_FEED_INTERVAL),
                d.planId(),
                s.find(SCHEDULE_GREEN).map(GreenContractsFile::read).orElse(null));
    }
}
