package io.gridshift.agent.sim;

import io.gridshift.domain.Check;
import io.gridshift.domain.error.InvalidFieldException;

/**
 * Parameters of the facility overhead ({@link PueModel}): facility = IT + fixed + (electrical
 * losses + fans and pumps) × IT + chillers. The fixed part makes PUE rise at low load; the chillers
 * make it rise with outdoor temperature.
 *
 * @param fixedKw lighting, offices, security: drawn whatever the IT load
 * @param electricalLossShare UPS and distribution losses per kW of IT
 * @param fanPumpShare air handlers and pumps per kW of IT (also when free cooling)
 * @param chillerCopAt20C chiller coefficient of performance at 20 °C outdoor
 * @param copDropPerDegC how much the COP falls per °C warmer (floored at 2)
 * @param freeCoolingBelowC below this outdoor temperature the chillers are off (economiser only)
 * @param mechanicalCoolingAboveC above this all heat goes through the chillers; linear in between
 */
public record PueOptions(
        double fixedKw,
        double electricalLossShare,
        double fanPumpShare,
        double chillerCopAt20C,
        double copDropPerDegC,
        double freeCoolingBelowC,
        double mechanicalCoolingAboveC) {
    public PueOptions {
        Check.powerKw("pue.fixedKw", fixedKw);
        Check.range("pue.electricalLossShare", electricalLossShare, 0, 0.5);
        Check.range("pue.fanPumpShare", fanPumpShare, 0, 0.5);
        Check.range("pue.chillerCopAt20C", chillerCopAt20C, 2, 20);
        Check.range("pue.copDropPerDegC", copDropPerDegC, 0, 1);
        Check.range("pue.freeCoolingBelowC", freeCoolingBelowC, -40, 40);
        Check.range("pue.mechanicalCoolingAboveC", mechanicalCoolingAboveC, -40, 50);
        if (mechanicalCoolingAboveC <= freeCoolingBelowC) {
            throw new InvalidFieldException(
                    "pue.mechanicalCoolingAboveC",
                    "order",
                    mechanicalCoolingAboveC,
                    "must be above freeCoolingBelowC (" + freeCoolingBelowC + ")");
        }
    }

    /**
     * A modern chilled-water facility: 1.5 % of capacity fixed, 5 % electrical losses, 5 % fans and
     * pumps, COP 6 at 20 °C falling 0.12 per °C, full free cooling below 8 °C and full mechanical
     * cooling above 18 °C. PUE comes out near 1.12 in winter and 1.3-1.4 on a hot afternoon.
     */
    public static PueOptions typical(double itCapacityKw) {
        return new PueOptions(0.015 * itCapacityKw, 0.05, 0.05, 6.0, 0.12, 8, 18);
    }
}
