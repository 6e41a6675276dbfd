package io.gridshift.aggregator.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SiteThrottleTest {
    ManualClock clock = new ManualClock(Instant.parse("2026-07-01T06:00:00Z"));

    @Test
    void aFloodingSiteIsRefusedWhileOtherSitesGoOn() {
        SiteThrottle throttle = new SiteThrottle(10, 50, clock);
        for (int i = 0; i < 50; i++) {
            throttle.acquire("dc-flood");
        }
        assertThatThrownBy(() -> throttle.acquire("dc-flood"))
                .isInstanceOfSatisfying(
                        GridshiftException.class,
                        e -> {
                            assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
                            assertThat(e.reason()).isEqualTo("throttled");
                            assertThat(e.getMessage()).contains("dc-flood");
                        });
        throttle.acquire("dc-quiet");

        // a second later the flooding site has ten more messages
        clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 10; i++) {
            throttle.acquire("dc-flood");
        }
        assertThatThrownBy(() -> throttle.acquire("dc-flood"))
                .isInstanceOf(GridshiftException.class);
    }

    @Test
    void zeroRateTurnsThrottlingOff() {
        SiteThrottle throttle = new SiteThrottle(0, 1, clock);
        for (int i = 0; i < 10_000; i++) {
            throttle.acquire("dc-a");
        }
        assertThat(throttle.tracked()).isZero();
    }
}
