package io.gridshift.optimizer.schedule;

import io.gridshift.domain.site.GridZone;
import io.gridshift.optimizer.signals.ZoneInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A small seeded fleet for the exact check: {@link SyntheticFleet}'s job mix on the real 2022
 * carbon data, on hourly slots from midnight of {@code day}, jobs arriving in the first half, 1 to
 * 4 slots long.
 *
 * @param name label in the printed table
 * @param day the date planned (UTC)
 * @param policy TEMPORAL, SPATIAL or BOTH
 * @param sites sites, over the first zones of {@link SyntheticFleet#EUROPE}
 * @param slots hourly slots
 * @param jobs jobs
 * @param room each site's room as a multiple of its at-arrival peak
 * @param windowHours how long a job may be held (TEMPORAL, BOTH)
 * @param headroomKw grid headroom of the second zone (FR), 0 for none (unlimited)
 * @param seed the fleet's seed
 */
public record ExactSpec(
        String name,
        String day,
        Policy policy,
        int sites,
        int slots,
        int jobs,
        double room,
        int windowHours,
        double headroomKw,
        long seed) {
    public ScheduleRequest request() {
        ScheduleOptions o = ScheduleOptions.of(policy).withWindow(Duration.ofHours(windowHours));
        ScheduleRequest r =
                SyntheticFleet.build(
                        seed,
                        SyntheticFleet.EUROPE,
                        sites,
                        jobs,
                        SlotGrid.hours(Instant.parse(day + "T00:00:00Z"), slots),
                        slots / 2,
                        4,
                        room,
                        o);
        if (headroomKw <= 0) {
            return r;
        }
        GridZone fr = GridZone.of(SyntheticFleet.EUROPE.get(1));
        Map<GridZone, ZoneInfo> zones = new HashMap<>(r.zones());
        zones.put(fr, new ZoneInfo(fr, headroomKw, 0));
        return new ScheduleRequest(
                r.grid(), r.sites(), r.jobs(), r.forecast(), zones, r.network(), r.options());
    }
}
