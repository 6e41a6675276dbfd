package io.gridshift.optimizer;

import io.gridshift.domain.flex.FlexEnvelope;
import io.gridshift.domain.flex.FlexResource;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Small builders for test fleets. */
public final class Sites {
    public static final Instant NOW = Instant.parse("2026-07-01T15:00:00Z");
    public static final Instant START = NOW.plus(Duration.ofMinutes(30));

    private Sites() {}

    public static FleetSite site(String id, String zone, double baselineKw, FlexResource... rs) {
        return site(id, zone, baselineKw, 0, rs);
    }

    public static FleetSite site(
            String id, String zone, double baselineKw, double hostingKw, FlexResource... rs) {
        return new FleetSite(
                new FlexEnvelope(
                        SiteId.of(id),
                        NOW.minusSeconds(60),
                        NOW.plus(Duration.ofHours(6)),
                        GridZone.of(zone),
                        baselineKw,
                        hostingKw,
                        List.of(rs)),
                DeliveryHistory.none());
    }

    /** {@code n} intervals of 15 minutes from {@link #START}. */
    public static Horizon quarterHours(int n) {
        return Horizon.uniform(NOW, START, n, Duration.ofMinutes(15));
    }

    public static ZoneTarget target(String zone, Double... kw) {
        return new ZoneTarget(GridZone.of(zone), List.of(kw));
    }
}
