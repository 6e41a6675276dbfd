package io.gridshift.storage.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridshift.domain.site.SiteId;
import org.junit.jupiter.api.Test;

class SiteAccuracyTest {
    static final SiteId A = SiteId.of("dc-a");

    @Test
    void cvRmseAndBiasFollowTheirDefinitions() {
        // baseline 110, 90, 130, 100 against a flat 100 kW: errors b - a = 10, -10, 30, 0
        SiteAccuracy.Sums sums = new SiteAccuracy.Sums();
        double[] b = {110, 90, 130, 100};
        for (double v : b) {
            sums.add(v, 100);
        }
        sums.dayUsed();
        SiteAccuracy s = sums.result("m", A);
        assertThat(s.intervals()).isEqualTo(4);
        assertThat(s.meanActualKw()).isEqualTo(100);
        // mean squared error (100 + 100 + 900 + 0) / 4 = 275, rmse sqrt(275) = 16.5831
        assertThat(s.rmseKw()).isCloseTo(16.583124, within(1e-6));
        assertThat(s.cvRmse()).isCloseTo(0.16583124, within(1e-8));
        // mean error 30 / 4 = 7.5 kW: the baseline overstates by 7.5 % of the load
        assertThat(s.biasKw()).isCloseTo(7.5, within(1e-12));
        assertThat(s.bias()).isCloseTo(0.075, within(1e-12));
    }

    @Test
    void withoutAnyDayUsedEveryFigureIsNaN() {
        SiteAccuracy.Sums sums = new SiteAccuracy.Sums();
        sums.daySkipped();
        SiteAccuracy s = sums.result("m", A);
        assertThat(s.daysSkipped()).isEqualTo(1);
        assertThat(s.intervals()).isZero();
        assertThat(s.cvRmse()).isNaN();
        assertThat(s.bias()).isNaN();
    }
}
