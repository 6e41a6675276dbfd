package io.gridshift.optimizer.schedule;

import io.gridshift.domain.site.GridZone;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where and when each job of a request may run, derived from the request alone by the rules of the
 * module README's "Scheduler model" (not from {@code PlanProblem}, so that the exact model checks
 * the scheduler's reading of the request too).
 *
 * <p>A job takes {@code d = ceil(duration / slot)} slots, from {@code a = ceil(arrival)} to {@code
 * end = floor(deadline)} (clipped to the grid). Sites: its origin always (as the scheduler does,
 * even when its allowed zones leave the origin's zone out); with SPATIAL or BOTH each other site in
 * an allowed zone within {@code maxLatencyMs} of the origin's zone, earliest at {@code
 * ceil(max(arrival, now) + transfer time)}. Latest start at a site: {@code min(end − d, earliest +
 * hold)}, {@code hold} the window in slots (TEMPORAL, BOTH) or 0 (SPATIAL): the window counts from
 * the earliest start at that site, not from the arrival. An interruptible job takes any {@code d}
 * slots of {@code [earliest, latest + d)} at one site (never split across sites).
 */
final class ExactWindows {
    /** Job {@code job} may run at {@code site} starting no earlier than {@code earliest}. */
    record Window(int site, int earliest, int latestStart) {}

    private ExactWindows() {}

    /** Per job of {@code r.jobs()}, its windows; empty when it has none (never placeable). */
    static List<List<Window>> of(ScheduleRequest r) {
        SlotGrid g = r.grid();
        Policy policy = r.options().policy();
        boolean spatial = policy == Policy.SPATIAL || policy == Policy.BOTH;
        boolean temporal = policy == Policy.TEMPORAL || policy == Policy.BOTH;
        int hold = temporal ? (int) (r.options().window().toSeconds() / g.slot().toSeconds()) : 0;
        List<List<Window>> out = new ArrayList<>();
        for (ScheduleJob job : r.jobs()) {
            List<Window> list = new ArrayList<>();
            int d = g.slotsFor(job.duration());
            int a = Math.max(0, g.ceil(job.arrival()));
            int end = Math.min(g.slots(), g.floor(job.deadline()));
            GridZone oz = zoneOf(r, job);
            Instant from = job.arrival().isAfter(g.start()) ? job.arrival() : g.start();
            int remote = Math.max(a, g.ceil(from.plus(r.network().transferTime(job.dataGb()))));
            for (int s = 0; s < r.sites().size(); s++) {
                ScheduleSite site = r.sites().get(s);
                boolean origin = site.id().equals(job.origin());
                boolean reachable =
                        spatial
                                && job.allows(site.zone())
                                && r.network().latencyMs(oz, site.zone()) <= job.maxLatencyMs();
                int earliest = origin ? a : remote;
                if ((origin || reachable) && a + d <= end && earliest + d <= end) {
                    list.add(new Window(s, earliest, Math.min(end - d, earliest + hold)));
                }
            }
            out.add(list);
        }
        return out;
    }

    private static GridZone zoneOf(ScheduleRequest r, ScheduleJob job) {
        for (ScheduleSite s : r.sites()) {
            if (s.id().equals(job.origin())) {
                return s.zone();
            }
        }
        throw new IllegalArgumentException(job.origin().toString());
    }
}
