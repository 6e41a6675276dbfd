package io.gridshift.aggregator.ledger;

import io.gridshift.storage.db.StorageOptions;
import io.gridshift.storage.settlement.ProgramRules;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The node's ledger: where it is, and how events are settled.
 *
 * @param storage the database (an H2 file by default, PostgreSQL in production)
 * @param baselineMethod the baseline settlements use ({@code pjm-high-4-of-5}, {@code
 *     caiso-10-of-10}, {@code weekday-10-additive}, {@code meter-before-after})
 * @param interval the settlement interval
 * @param zone the programs' time zone (days and weekdays of the baselines)
 * @param capacityPricePerKw paid per credited kW, per event
 * @param energyPricePerKwh paid per delivered kWh
 * @param performanceThreshold below this performance the penalty applies
 * @param penaltyPerKwShort charged per kW short
 * @param performanceCap the most performance paid for
 * @param auto automatic settlement of ended events and the retries of reports to the VTN
 */
public record LedgerOptions(
        StorageOptions storage,
        String baselineMethod,
        Duration interval,
        ZoneId zone,
        double capacityPricePerKw,
        double energyPricePerKwh,
        double performanceThreshold,
        double penaltyPerKwShort,
        double performanceCap,
        AutoSettlementOptions auto) {

    public LedgerOptions {
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(auto, "auto");
    }

    /**
     * The storage with the default program: PJM-style baseline, 15-minute intervals in UTC, nothing
     * paid or charged (set the prices of the program the fleet is enrolled in); ended events
     * settled automatically ({@link AutoSettlementOptions#defaults()}).
     */
    public static LedgerOptions of(StorageOptions storage) {
        return new LedgerOptions(
                storage,
                "pjm-high-4-of-5",
                Duration.ofMinutes(15),
                ZoneId.of("UTC"),
                0,
                0,
                0.5,
                0,
                1.0,
                AutoSettlementOptions.defaults());
    }

    public LedgerOptions withAuto(AutoSettlementOptions a) {
        return new LedgerOptions(
                storage,
                baselineMethod,
                interval,
                zone,
                capacityPricePerKw,
                energyPricePerKwh,
                performanceThreshold,
                penaltyPerKwShort,
                performanceCap,
                a);
    }

    /** The rules for the program (market context) of an event. */
    public ProgramRules rules(String program) {
        return new ProgramRules(
                program,
                baselineMethod,
                interval,
                zone,
                capacityPricePerKw,
                energyPricePerKwh,
                performanceThreshold,
                penaltyPerKwShort,
                performanceCap);
    }
}
