package io.gridshift.agent.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PueModelTest {
    private static final double CAPACITY_KW = 10_000;
    private final PueModel model = new PueModel(PueOptions.typical(CAPACITY_KW));

    @Test
    void pueStaysInTheTypicalRangeAndRisesWithTemperature() {
        // GIVEN loads from 30 % to 100 % of capacity
        for (double load = 0.3; load <= 1.0; load += 0.1) {
            double itKw = load * CAPACITY_KW;
            double previous = 0;
            // WHEN the outdoor temperature goes from -10 to 40 C
            for (double c = -10; c <= 40; c += 2) {
                double pue = model.pue(itKw, c);
                // THEN PUE stays within 1.1-1.5 and never falls as it gets warmer
                assertThat(pue).isBetween(1.1, 1.5);
                assertThat(pue).isGreaterThanOrEqualTo(previous);
                previous = pue;
            }
            // AND a hot afternoon costs clearly more than free cooling
            assertThat(model.pue(itKw, 35) - model.pue(itKw, 5)).isGreaterThan(0.15);
        }
    }

    @Test
    void pueRisesAtLowLoad() {
        // GIVEN a mild day
        // THEN the fixed overhead weighs more at 30 % load than at full load
        assertThat(model.pue(3_000, 20)).isGreaterThan(model.pue(10_000, 20) + 0.02);
    }

    @Test
    void facilityIsItTimesPueAndMarginalIsItsSlope() {
        // GIVEN 8 MW of IT on a 25 C day
        double itKw = 8_000;
        double c = 25;
        // THEN facility = IT x PUE, and shedding 100 kW of IT saves marginal x 100 kW
        assertThat(model.facilityKw(itKw, c)).isCloseTo(itKw * model.pue(itKw, c), within(1e-6));
        assertThat(model.facilityKw(itKw, c) - model.facilityKw(itKw - 100, c))
                .isCloseTo(100 * model.marginal(c), within(1e-6));
        // AND the chillers are the part that depends on temperature
        assertThat(model.chillerKw(itKw, 5)).isZero();
        assertThat(model.chillerKw(itKw, 30)).isGreaterThan(model.chillerKw(itKw, 20));
    }
}
