package io.gridshift.domain.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ManualClockTest {

    @Test
    void movesOnlyWhenToldAndNeverBackwards() {
        ManualClock clock = ManualClock.at("2026-07-01T00:00:00Z");
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
        clock.advance(Duration.ofHours(25));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-07-02T01:00:00Z"));
        assertThatThrownBy(() -> clock.set(Instant.parse("2026-07-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void zonedViewsShareTheTime() {
        ManualClock clock = ManualClock.at("2026-07-01T00:00:00Z");
        Clock shanghai = clock.withZone(ZoneId.of("Asia/Shanghai"));
        clock.advance(Duration.ofMinutes(1));
        assertThat(shanghai.instant()).isEqualTo(clock.instant());
        assertThat(shanghai.getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    }
}
