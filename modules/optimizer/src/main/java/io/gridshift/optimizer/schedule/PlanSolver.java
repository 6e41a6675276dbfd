package io.gridshift.optimizer.schedule;

import io.gridshift.domain.site.GridZone;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the problem, keeps started jobs of a previous plan, places the rest by policy, and reports
 * objective, bound and gap.
 */
final class PlanSolver {
    Schedule solve(ScheduleRequest request, Schedule previous) {
        long t0 = System.nanoTime();
        long deadline = t0 + request.options().timeLimit().toNanos();
        PlanProblem p = new PlanProblem(request);
        List<JobAssignment> out = new ArrayList<>();
        List<Unplaced> unplaced = new ArrayList<>();
        Map<String, JobAssignment> fixed = fixedJobs(request, previous);
        for (JobAssignment a : fixed.values()) {
            occupy(p, a);
            out.add(a);
        }
        collect(p, fixed, unplaced);
        Policy policy = request.options().policy();
        SolverSummary summary;
        if (policy == Policy.RUN_AT_ARRIVAL) {
            summary = atArrival(p, out, t0);
        } else {
            summary = new Assigner(p, deadline).run(out, unplaced, t0);
        }
        long version = previous == null ? 1 : previous.version() + 1;
        return new Schedule(version, p.grid.start(), p.grid.end(), policy, out, unplaced, summary);
    }

    /** Jobs of the previous plan that had started by the new plan's start, and are still asked. */
    private static Map<String, JobAssignment> fixedJobs(ScheduleRequest r, Schedule previous) {
        Map<String, JobAssignment> fixed = new java.util.LinkedHashMap<>();
        if (previous == null) {
            return fixed;
        }
        Map<String, JobAssignment> prev = previous.byJob();
        for (ScheduleJob j : r.jobs()) {
            JobAssignment a = prev.get(j.id());
            if (a != null && a.start().isBefore(r.grid().start())) {
                fixed.put(j.id(), a);
            }
        }
        return fixed;
    }

    private static void occupy(PlanProblem p, JobAssignment a) {
        Integer s = p.siteIndex.get(a.site());
        if (s == null) {
            return; // the site left the fleet: its load is no longer ours to count
        }
        for (Run r : a.runs()) {
            int from = Math.max(0, p.grid.floor(r.start()));
            int to = Math.min(p.slots, p.grid.ceil(r.end()));
            for (int t = from; t < to; t++) {
                p.occupy(s, t, a.kw());
            }
        }
    }

    /** Windows and candidate sites of every job to plan; the impossible ones go to unplaced. */
    private static void collect(
            PlanProblem p, Map<String, JobAssignment> fixed, List<Unplaced> unplaced) {
        ScheduleRequest r = p.request;
        Policy policy = r.options().policy();
        boolean spatial = policy == Policy.SPATIAL || policy == Policy.BOTH;
        boolean temporal = policy == Policy.TEMPORAL || policy == Policy.BOTH;
        int hold =
                temporal ? (int) (r.options().window().toSeconds() / p.grid.slot().toSeconds()) : 0;
        List<Integer> slots = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        for (ScheduleJob job : r.jobs()) {
            if (fixed.containsKey(job.id())) {
                continue;
            }
            int d = p.grid.slotsFor(job.duration());
            int a = Math.max(0, p.grid.ceil(job.arrival()));
            int end = Math.min(p.slots, p.grid.floor(job.deadline()));
            if (a + d > end) {
                unplaced.add(new Unplaced(job.id(), "no_time_in_horizon"));
                continue;
            }
            int origin = p.siteIndex.get(job.origin());
            GridZone oz = r.sites().get(origin).zone();
            List<int[]> options = new ArrayList<>();
            for (int s = 0; s < p.sites; s++) {
                GridZone z = r.sites().get(s).zone();
                if (s != origin
                        && (!spatial
                                || !job.allows(z)
                                || r.network().latencyMs(oz, z) > job.maxLatencyMs())) {
                    continue;
                }
                int earliest = s == origin ? a : remoteStart(p, job, a);
                if (earliest + d <= end) {
                    options.add(new int[] {s, earliest});
                }
            }
            if (options.isEmpty()) {
                unplaced.add(new Unplaced(job.id(), "no_allowed_site"));
                continue;
            }
            p.addJob(
                    job,
                    options.stream().mapToInt(o -> o[0]).toArray(),
                    options.stream().mapToInt(o -> o[1]).toArray());
            slots.add(d);
            ends.add(end);
        }
        p.freeze(
                slots.stream().mapToInt(Integer::intValue).toArray(),
                ends.stream().mapToInt(Integer::intValue).toArray(),
                hold);
    }

    /** First slot at a remote site: after the job's data has moved there. */
    private static int remoteStart(PlanProblem p, ScheduleJob job, int arrivalSlot) {
        Instant from = job.arrival().isAfter(p.grid.start()) ? job.arrival() : p.grid.start();
        Duration transfer = p.request.network().transferTime(job.dataGb());
        return Math.max(arrivalSlot, p.grid.ceil(from.plus(transfer)));
    }

    /** The baseline: every job at its origin from its arrival, capacity not checked. */
    private static SolverSummary atArrival(PlanProblem p, List<JobAssignment> out, long t0) {
        double objective = 0;
        for (int j = 0; j < p.jobs.size(); j++) {
            ScheduleJob job = p.jobs.get(j);
            int s = p.siteIndex.get(job.origin());
            int start = p.jobEarliest.get(j)[0];
            int[] used = new int[p.jobSlots[j]];
            for (int i = 0; i < used.length; i++) {
                used[i] = start + i;
                objective += job.kw() * p.zoneCost[p.siteZone[s]][start + i];
            }
            out.add(Assigner.assignment(p, j, s, used));
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return new SolverSummary(
                "at-arrival", objective, Double.NaN, Double.NaN, ms, false, p.jobs.size());
    }
}
