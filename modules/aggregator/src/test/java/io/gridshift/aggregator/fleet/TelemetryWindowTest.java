package io.gridshift.aggregator.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TelemetryWindowTest {
    static final long T0 = Instant.parse("2026-07-01T06:00:00Z").toEpochMilli();

    @Test
    void keepsTheNewestReadingsInTimeOrderWhateverOrderTheyArriveIn() {
        Random random = new Random(11);
        for (int run = 0; run < 200; run++) {
            int capacity = 1 + random.nextInt(20);
            int count = random.nextInt(60);
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                order.add(i);
            }
            Collections.shuffle(order, random);
            TelemetryWindow w = new TelemetryWindow(capacity);
            for (int i : order) {
                w.add(i, T0 + i * 5_000L, i, i / 2.0, i, 0);
            }
            List<TelemetrySample> kept = w.since(Instant.ofEpochMilli(T0));
            // each kept reading is newer than every reading dropped, and they are in time order
            assertThat(kept.size()).isLessThanOrEqualTo(capacity);
            for (int i = 1; i < kept.size(); i++) {
                assertThat(kept.get(i).ts()).isAfter(kept.get(i - 1).ts());
            }
            if (count > 0) {
                assertThat(kept.get(kept.size() - 1).seq()).isEqualTo(count - 1);
            }
        }
    }

    @Test
    void aWindowFilledInOrderHoldsExactlyTheLastCapacityReadings() {
        TelemetryWindow w = new TelemetryWindow(5);
        for (int i = 0; i < 12; i++) {
            w.add(i, T0 + i * 1000L, 100 + i, 80, 100 + i, 0);
        }
        List<TelemetrySample> kept = w.since(Instant.ofEpochMilli(T0));
        assertThat(kept).extracting(TelemetrySample::seq).containsExactly(7L, 8L, 9L, 10L, 11L);
        assertThat(kept.get(0).facilityKw()).isEqualTo(107.0);
        assertThat(w.since(Instant.ofEpochMilli(T0 + 10_000)))
                .extracting(TelemetrySample::seq)
                .containsExactly(10L, 11L);
        assertThat(w.containsSeq(9)).isTrue();
        assertThat(w.containsSeq(3)).isFalse();
    }
}
