package io.gridshift.agent.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GpuPowerCurveTest {
    private final GpuPowerCurve h200 = GpuPowerCurve.h200();

    @Test
    void bundledCurveIsTheMeasuredH200() {
        // GIVEN the calibration bundled with the agent
        // THEN it returns the measured points and interpolates between them
        assertThat(h200.powerW(1.0)).isEqualTo(689.8);
        assertThat(h200.powerW(0.75)).isEqualTo(620.2);
        assertThat(h200.powerW(0.5)).isEqualTo(481.6);
        assertThat(h200.powerW(0.25)).isEqualTo(338.7);
        assertThat(h200.idlePowerW()).isEqualTo(119.4);
        assertThat(h200.tflops(1.0)).isEqualTo(648.2);
        assertThat(h200.powerW(0.6)).isCloseTo(481.6 + 0.4 * (620.2 - 481.6), within(1e-9));
        // AND it stays near the README's rule of thumb P = 120 W + 570 W x duty
        for (double duty = 0; duty <= 1.0; duty += 0.05) {
            assertThat(h200.powerW(duty)).isCloseTo(120 + 570 * duty, within(80.0));
        }
    }

    @Test
    void inverseAndThroughputLossFollowTheMeasurements() {
        // GIVEN a GPU at full duty
        // WHEN its board power is cut by 69.6 W (1.0 -> 0.75 duty)
        double lost = h200.throughputLost(1.0, 689.8 - 620.2);
        // THEN it loses 1 - 520.3 / 648.2 of its throughput: a poor trade, as measured
        assertThat(lost).isCloseTo(1 - 520.3 / 648.2, within(1e-9));
        assertThat(h200.dutyAtPowerW(620.2)).isCloseTo(0.75, within(1e-12));
        // AND a cut down to the idle floor (a pause) loses everything
        assertThat(h200.throughputLost(1.0, 689.8 - 119.4)).isEqualTo(1.0);
    }
}
