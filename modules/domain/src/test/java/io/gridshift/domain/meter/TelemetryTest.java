package io.gridshift.domain.meter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gridshift.domain.site.SiteId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TelemetryTest {
    static final Instant TS = Instant.parse("2026-07-01T06:00:05Z");

    @Test
    void keepsAValidReading() {
        Telemetry t =
                new Telemetry(
                        SiteId.of("dc-sh-01"), 81234, TS, 12040.5, 9550, 12040.5, 0, 92.0, null);
        assertThat(t.pue()).isCloseTo(1.2608, within(1e-4));
    }

    @Test
    void refusesImpossibleReadings() {
        SiteId site = SiteId.of("dc-1");
        assertThatThrownBy(() -> new Telemetry(site, -1, TS, 1, 1, 1, 0, null, null))
                .hasMessageStartingWith("seq:");
        assertThatThrownBy(() -> new Telemetry(site, 1, TS, 1, 1, 1, 0, 101.0, null))
                .hasMessageStartingWith("batterySocPct: must be between 0 and 100");
        assertThatThrownBy(() -> new Telemetry(site, 1, TS, Double.NaN, 1, 1, 0, null, null))
                .hasMessageStartingWith("facilityKw: must be a finite number");
        assertThatThrownBy(() -> new Telemetry(site, 1, null, 1, 1, 1, 0, null, null))
                .hasMessageStartingWith("ts: is required");
    }

    @Test
    void energyOfAMeterInterval() {
        MeterReading m =
                new MeterReading(SiteId.of("dc-1"), TS, Duration.ofMinutes(1), 600, 500, 12);
        assertThat(m.facilityKwh()).isCloseTo(10, within(1e-12));
        assertThat(Energy.kw(10, Duration.ofMinutes(1))).isCloseTo(600, within(1e-9));
        assertThat(m.end()).isEqualTo(TS.plusSeconds(60));
    }
}
