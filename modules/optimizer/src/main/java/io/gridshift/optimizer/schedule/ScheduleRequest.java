package io.gridshift.optimizer.schedule;

import io.gridshift.domain.Check;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import io.gridshift.optimizer.signals.ZoneInfo;
import io.gridshift.optimizer.signals.ZoneSignal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One planning run: the time axis, the fleet, the jobs, the signals planned on (forecasts) and zone
 * metadata.
 *
 * @param grid slots (the plan's "now" is {@code grid.start})
 * @param sites the fleet's sites, ids unique
 * @param jobs the jobs, ids unique, each origin one of the sites
 * @param forecast a signal per zone of every site, covering the grid
 * @param zones zone metadata (grid headroom); a zone not listed has no headroom limit
 * @param network transfer and latency
 * @param options policy and solver settings
 */
public record ScheduleRequest(
        SlotGrid grid,
        List<ScheduleSite> sites,
        List<ScheduleJob> jobs,
        Map<GridZone, ZoneSignal> forecast,
        Map<GridZone, ZoneInfo> zones,
        Network network,
        ScheduleOptions options) {
    /** Most sites in one request. */
    public static final int MAX_SITES = 10_000;

    /** Most jobs in one request. */
    public static final int MAX_JOBS = 1_000_000;

    public ScheduleRequest {
        Check.required("grid", grid);
        sites = List.copyOf(Check.size("sites", sites, 1, MAX_SITES));
        jobs = List.copyOf(Check.size("jobs", jobs, 0, MAX_JOBS));
        forecast = Map.copyOf(Check.required("forecast", forecast));
        zones = Map.copyOf(Check.required("zones", zones));
        Check.required("network", network);
        Check.required("options", options);
        Set<SiteId> ids = new HashSet<>();
        for (int i = 0; i < sites.size(); i++) {
            ScheduleSite s = sites.get(i);
            if (!ids.add(s.id())) {
                throw new InvalidFieldException(
                        "sites[" + i + "].id", "unique", s.id(), "must be unique");
            }
            ZoneSignal sig = forecast.get(s.zone());
            if (sig == null) {
                throw new InvalidFieldException(
                        "forecast",
                        "required",
                        s.zone(),
                        "must have a signal for zone " + s.zone());
            }
            if (sig.indexOf(grid.start()) < 0 || sig.indexOf(grid.end().minusNanos(1)) < 0) {
                throw new InvalidFieldException(
                        "forecast[" + s.zone() + "]",
                        "range",
                        sig,
                        "must cover " + grid.start() + " to " + grid.end());
            }
        }
        checkJobs(grid, jobs, ids);
    }

    private static void checkJobs(SlotGrid grid, List<ScheduleJob> jobs, Set<SiteId> sites) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < jobs.size(); i++) {
            ScheduleJob j = jobs.get(i);
            if (seen.put(j.id(), i) != null) {
                throw new InvalidFieldException(
                        "jobs[" + i + "].id", "unique", j.id(), "must be unique");
            }
            if (!sites.contains(j.origin())) {
                throw new InvalidFieldException(
                        "jobs[" + i + "].origin",
                        "reference",
                        j.origin(),
                        "must be one of the sites");
            }
        }
    }

    public ScheduleRequest withOptions(ScheduleOptions o) {
        return new ScheduleRequest(grid, sites, jobs, forecast, zones, network, o);
    }

    public ScheduleRequest withForecast(Map<GridZone, ZoneSignal> f) {
        return new ScheduleRequest(grid, sites, jobs, f, zones, network, options);
    }

    /** Headroom of {@code zone} (unlimited when not listed). */
    public double headroomKw(GridZone zone) {
        ZoneInfo z = zones.get(zone);
        return z == null ? ZoneInfo.UNLIMITED_KW : z.gridHeadroomKw();
    }
}
