package io.gridshift.aggregator.config;

import io.gridshift.aggregator.ledger.AutoSettlementOptions;
import io.gridshift.domain.config.Option;
import io.gridshift.domain.config.Parsers;
import io.gridshift.domain.config.Settings;
import io.gridshift.domain.error.InvalidFieldException;
import java.time.Duration;
import java.util.List;

/** Automatic settlement and its reports to the VTN ({@code settlement.auto*}, {@code *Retry*}). */
final class SettlementConfig {
    static final Option<Long> AUTO_DELAY =
            Option.of(
                    "settlement.autoDelayMin",
                    "5",
                    Parsers.integer(-1_000_000, 10_080),
                    "Minutes after an event's end before the node holding the VEN settles it and"
                            + " reports it to the VTN (once per event modification); 0 or"
                            + " negative: no automatic settlement.");
    static final Option<Long> RETRY_MIN =
            Option.of(
                    "settlement.reportRetryMin",
                    "1",
                    Parsers.integer(1, 1_440),
                    "Minutes before a settlement report the VTN did not take is sent again; the"
                            + " wait doubles after each failure.");
    static final Option<Long> RETRY_MAX =
            Option.of(
                    "settlement.reportRetryMaxMin",
                    "60",
                    Parsers.integer(1, 10_080),
                    "The longest wait, in minutes, between two tries of a settlement report.");

    private SettlementConfig() {}

    static List<Option<?>> all() {
        return List.of(AUTO_DELAY, RETRY_MIN, RETRY_MAX);
    }

    static AutoSettlementOptions auto(Settings s) {
        long min = s.get(RETRY_MIN);
        long max = s.get(RETRY_MAX);
        if (max < min) {
            throw new InvalidFieldException(
                    RETRY_MAX.key(),
                    "range",
                    max,
                    "must be at least " + RETRY_MIN.key() + " " + min);
        }
        return new AutoSettlementOptions(
                Duration.ofMinutes(s.get(AUTO_DELAY)),
                Duration.ofMinutes(min),
                Duration.ofMinutes(max),
                AutoSettlementOptions.defaults().checkEvery());
    }
}
