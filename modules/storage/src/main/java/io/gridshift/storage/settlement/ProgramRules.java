package io.gridshift.storage.settlement;

import io.gridshift.domain.Check;
import java.time.Duration;
import java.time.ZoneId;

/**
 * How a program pays. Per site and event, with {@code delivered} the mean of baseline minus actual
 * kW over the event and {@code committed} the site's latest bid:
 *
 * <ul>
 *   <li>performance = delivered / committed;
 *   <li>credited kW = delivered held within [0, {@code performanceCap} × committed];
 *   <li>capacity payment = credited kW × {@code capacityPricePerKw};
 *   <li>energy payment = Σ over intervals of the interval's delivered kWh held within [0, {@code
 *       performanceCap} × committed × interval hours] × {@code energyPricePerKwh};
 *   <li>penalty, only when performance &lt; {@code performanceThreshold}: (committed − max(0,
 *       delivered)) × {@code penaltyPerKwShort};
 *   <li>net = capacity + energy − penalty; money is rounded to cents.
 * </ul>
 *
 * @param program the program's market context (events are matched on it)
 * @param baselineMethod a name known to {@link io.gridshift.storage.baseline.Baselines}
 * @param interval the settlement interval (a whole number of minutes dividing an hour)
 * @param zone the program's time zone
 * @param capacityPricePerKw paid per credited kW, per event
 * @param energyPricePerKwh paid per delivered kWh
 * @param performanceThreshold below this performance the penalty applies (0 to 1)
 * @param penaltyPerKwShort charged per kW short of the commitment
 * @param performanceCap the most performance paid for (1 = 100 %, up to 2)
 */
public record ProgramRules(
        String program,
        String baselineMethod,
        Duration interval,
        ZoneId zone,
        double capacityPricePerKw,
        double energyPricePerKwh,
        double performanceThreshold,
        double penaltyPerKwShort,
        double performanceCap) {
    public ProgramRules {
        Check.text("program", Check.required("program", program));
        Check.required("baselineMethod", baselineMethod);
        Check.duration("interval", interval, Duration.ofHours(1));
        Check.required("zone", zone);
        Check.range("capacityPricePerKw", capacityPricePerKw, 0, 1e6);
        Check.range("energyPricePerKwh", energyPricePerKwh, 0, 1e6);
        Check.range("performanceThreshold", performanceThreshold, 0, 1);
        Check.range("penaltyPerKwShort", penaltyPerKwShort, 0, 1e6);
        Check.range("performanceCap", performanceCap, 0.01, 2);
    }
}
