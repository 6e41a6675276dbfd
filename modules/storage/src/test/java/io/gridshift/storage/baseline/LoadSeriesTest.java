package io.gridshift.storage.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LoadSeriesTest {
    @Test
    void behavesLikeAMapOfIntervalStartsThroughPutsRemovalsAndGrowth() {
        // GIVEN 20,000 random puts and removals of quarter-hour starts over 50 days, from a
        // series sized for 4 (so it grows many times), checked against a HashMap after each step
        Random random = new Random(11);
        LoadSeries series = new LoadSeries(4);
        Map<Instant, Double> expected = new HashMap<>();
        Instant t0 = Instant.parse("2026-07-01T00:00:00Z");
        for (int i = 0; i < 20_000; i++) {
            Instant t = t0.plusSeconds(900L * random.nextInt(50 * 96));
            if (random.nextInt(4) == 0) {
                series.remove(t);
                expected.remove(t);
            } else {
                double kw = random.nextInt(100_000) / 10.0;
                series.put(t, kw);
                expected.put(t, kw);
            }
            assertThat(series.has(t)).isEqualTo(expected.containsKey(t));
        }
        // THEN every interval reads as the map says; missing ones read NaN
        assertThat(series.size()).isEqualTo(expected.size());
        for (int q = 0; q < 50 * 96; q++) {
            Instant t = t0.plusSeconds(900L * q);
            Double kw = expected.get(t);
            assertThat(series.has(t)).isEqualTo(kw != null);
            if (kw == null) {
                assertThat(series.kw(t)).isNaN();
            } else {
                assertThat(series.kw(t)).isEqualTo(kw.doubleValue());
            }
        }
    }
}
