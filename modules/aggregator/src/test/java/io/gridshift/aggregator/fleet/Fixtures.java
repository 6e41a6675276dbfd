package io.gridshift.aggregator.fleet;

import io.gridshift.domain.flex.Battery;
import io.gridshift.domain.flex.DeferrableJobs;
import io.gridshift.domain.flex.FlexEnvelope;
import io.gridshift.domain.meter.Telemetry;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Readings and envelopes for fleet tests. */
final class Fixtures {
    static final Instant T0 = Instant.parse("2026-07-01T06:00:00Z");
    static final Origin MQTT = new Origin(Transport.MQTT, "test-node");

    private Fixtures() {}

    static Telemetry reading(String site, long seq, Instant ts, double facilityKw) {
        return new Telemetry(
                SiteId.of(site), seq, ts, facilityKw, facilityKw * 0.8, facilityKw, 0, null, null);
    }

    /** 100 kW of deferrable jobs plus a battery of {@code batteryKw}, valid for ten minutes. */
    static FlexEnvelope envelope(String site, String zone, Instant ts, double batteryKw) {
        return new FlexEnvelope(
                SiteId.of(site),
                ts,
                ts.plus(Duration.ofMinutes(10)),
                GridZone.of(zone),
                1000,
                50,
                List.of(
                        new DeferrableJobs(
                                "batch",
                                100,
                                Duration.ofHours(1),
                                Duration.ofMinutes(1),
                                0.01,
                                1.0),
                        new Battery("ups", batteryKw, 4000, 90, 20, Duration.ofSeconds(1), 0.05)));
    }
}
