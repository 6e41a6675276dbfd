package io.gridshift.aggregator.schedule;

import io.gridshift.domain.schedule.PlanAction;
import io.gridshift.domain.schedule.PlanId;
import io.gridshift.domain.schedule.PlannedJob;
import io.gridshift.domain.schedule.SitePlan;
import io.gridshift.domain.site.SiteId;
import io.gridshift.optimizer.schedule.JobAssignment;
import io.gridshift.optimizer.schedule.Run;
import io.gridshift.optimizer.schedule.Schedule;
import io.gridshift.optimizer.schedule.ScheduleJob;
import io.gridshift.optimizer.schedule.ScheduleRequest;
import io.gridshift.optimizer.schedule.SlotGrid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the scheduler's plan into one plan message per site: a job placed at its own site is a RUN
 * in its slots; a job placed elsewhere is a MOVE_OUT at its origin and a MOVE_IN at the receiving
 * site, both with the slots it runs in there. Every site of the request gets a plan, an empty one
 * too (it replaces an older version that still held jobs). Unplaced jobs are in no plan: their site
 * runs them at arrival.
 */
final class PlanBuilder {
    private PlanBuilder() {}

    static Map<SiteId, SitePlan> build(
            ScheduleRequest request, Schedule schedule, PlanId id, int version, Instant issuedAt) {
        SlotGrid grid = request.grid();
        Map<String, ScheduleJob> jobs = new LinkedHashMap<>();
        for (ScheduleJob j : request.jobs()) {
            jobs.put(j.id(), j);
        }
        Map<SiteId, List<PlannedJob>> bySite =
                new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
        request.sites().forEach(s -> bySite.put(s.id(), new ArrayList<>()));
        for (JobAssignment a : schedule.assignments()) {
            ScheduleJob job = jobs.get(a.jobId());
            if (job == null) {
                continue;
            }
            List<Integer> slots = slots(grid, a.runs());
            if (slots.isEmpty()) {
                continue;
            }
            if (a.site().equals(job.origin())) {
                bySite.get(job.origin())
                        .add(
                                new PlannedJob(
                                        job.id(),
                                        PlanAction.RUN,
                                        null,
                                        slots,
                                        a.kw(),
                                        job.deadline()));
            } else {
                bySite.get(job.origin())
                        .add(
                                new PlannedJob(
                                        job.id(),
                                        PlanAction.MOVE_OUT,
                                        a.site(),
                                        slots,
                                        a.kw(),
                                        job.deadline()));
                bySite.computeIfAbsent(a.site(), k -> new ArrayList<>())
                        .add(
                                new PlannedJob(
                                        job.id(),
                                        PlanAction.MOVE_IN,
                                        job.origin(),
                                        slots,
                                        a.kw(),
                                        job.deadline()));
            }
        }
        Map<SiteId, SitePlan> out = new LinkedHashMap<>();
        bySite.forEach(
                (site, planned) ->
                        out.put(
                                site,
                                new SitePlan(
                                        id,
                                        version,
                                        site,
                                        issuedAt,
                                        grid.start(),
                                        grid.end(),
                                        grid.slot(),
                                        planned)));
        return out;
    }

    /** The slot indices a job's runs cover, rising; runs start and end on slot boundaries. */
    static List<Integer> slots(SlotGrid grid, List<Run> runs) {
        List<Integer> out = new ArrayList<>();
        for (Run r : runs) {
            int from = Math.max(0, grid.floor(r.start()));
            int to = Math.min(grid.slots(), grid.ceil(r.end()));
            for (int i = from; i < to; i++) {
                if (out.isEmpty() || out.get(out.size() - 1) < i) {
                    out.add(i);
                }
            }
        }
        return out;
    }
}
