package io.gridshift.agent.sim;

/**
 * Facility power from IT power and outdoor temperature. Everything but the IT load is overhead: a
 * fixed part, electrical losses and fans in proportion to IT, and chillers that remove the heat the
 * economiser cannot. The heat is the IT load plus the electrical losses inside the building.
 *
 * <p>At a given temperature facility power is affine in IT power, so a kW of IT shed saves {@link
 * #marginal} kW at the meter whatever the load; PUE still rises at low load because of the fixed
 * part, and with temperature because the chillers take a larger share at a lower COP.
 */
final class PueModel {
    private static final double MIN_COP = 2;

    private final PueOptions options;

    PueModel(PueOptions options) {
        this.options = options;
    }

    /** Heat the cooling plant must remove, in kW thermal. */
    double heatKw(double itKw) {
        return itKw * (1 + options.electricalLossShare());
    }

    /** Share of the heat that goes through the chillers (0 when free cooling, 1 when hot). */
    double mechanicalShare(double outdoorC) {
        double low = options.freeCoolingBelowC();
        double high = options.mechanicalCoolingAboveC();
        return Math.max(0, Math.min(1, (outdoorC - low) / (high - low)));
    }

    /** Chiller coefficient of performance: kW of cold per kW of electricity. */
    double cop(double outdoorC) {
        return Math.max(
                MIN_COP, options.chillerCopAt20C() - options.copDropPerDegC() * (outdoorC - 20));
    }

    /**
     * Cold the chillers must make, in kW thermal: what a chilled-water store supplies when
     * coasting.
     */
    double mechanicalHeatKw(double itKw, double outdoorC) {
        return heatKw(itKw) * mechanicalShare(outdoorC);
    }

    /** Chiller electrical power without storage. */
    double chillerKw(double itKw, double outdoorC) {
        return mechanicalHeatKw(itKw, outdoorC) / cop(outdoorC);
    }

    /** Overhead other than the chillers: fixed, electrical losses, fans and pumps. */
    double otherOverheadKw(double itKw) {
        return options.fixedKw() + (options.electricalLossShare() + options.fanPumpShare()) * itKw;
    }

    /** Facility power without storage: IT × PUE. */
    double facilityKw(double itKw, double outdoorC) {
        return itKw + otherOverheadKw(itKw) + chillerKw(itKw, outdoorC);
    }

    /** Power usage effectiveness at this load and temperature. */
    double pue(double itKw, double outdoorC) {
        return itKw <= 0 ? Double.NaN : facilityKw(itKw, outdoorC) / itKw;
    }

    /** Facility kW saved per kW of IT shed, at this temperature. */
    double marginal(double outdoorC) {
        return 1
                + options.electricalLossShare()
                + options.fanPumpShare()
                + (1 + options.electricalLossShare()) * mechanicalShare(outdoorC) / cop(outdoorC);
    }
}
