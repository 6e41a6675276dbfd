package io.gridshift.optimizer.schedule;

import java.util.ArrayList;
import java.util.List;

/** Turns the exact model's choices into a {@link Schedule}, and prices a schedule's assignments. */
final class ExactPlan {
    /** A job's site (index in the request) and its slots, in time order. */
    record Choice(int site, int[] slots) {}

    private ExactPlan() {}

    /** The plan; a job whose choice is null is unplaced ({@code no_window}). */
    static Schedule extract(ScheduleRequest r, List<Choice> choices) {
        List<JobAssignment> out = new ArrayList<>();
        List<Unplaced> unplaced = new ArrayList<>();
        SlotGrid g = r.grid();
        for (int j = 0; j < choices.size(); j++) {
            ScheduleJob job = r.jobs().get(j);
            Choice c = choices.get(j);
            if (c == null) {
                unplaced.add(new Unplaced(job.id(), "no_window"));
                continue;
            }
            int[] used = c.slots();
            List<Run> runs = new ArrayList<>();
            int i = 0;
            while (i < used.length) {
                int k = i;
                while (k + 1 < used.length && used[k + 1] == used[k] + 1) {
                    k++;
                }
                runs.add(new Run(g.at(used[i]), g.at(used[k] + 1)));
                i = k + 1;
            }
            ScheduleSite site = r.sites().get(c.site());
            out.add(
                    new JobAssignment(
                            job.id(),
                            site.id(),
                            site.zone(),
                            runs,
                            job.kw(),
                            !site.id().equals(job.origin())));
        }
        SolverSummary sum = new SolverSummary("cp-sat", Double.NaN, Double.NaN, 0, 0, false, 0);
        return new Schedule(1, g.start(), g.end(), r.options().policy(), out, unplaced, sum);
    }

    /**
     * The objective of {@code plan}'s assignments in doubles: kW × the slot costs of the slots they
     * run in, plus the transfer cost of each migrated job (unplaced jobs count nothing, as in the
     * scheduler's own objective).
     */
    static double objective(ScheduleRequest r, double[][] cost, Schedule plan) {
        java.util.Map<io.gridshift.domain.site.SiteId, Integer> index = new java.util.HashMap<>();
        for (int s = 0; s < r.sites().size(); s++) {
            index.put(r.sites().get(s).id(), s);
        }
        java.util.Map<String, ScheduleJob> jobs = new java.util.HashMap<>();
        r.jobs().forEach(j -> jobs.put(j.id(), j));
        SlotGrid g = r.grid();
        double sum = 0;
        for (JobAssignment a : plan.assignments()) {
            int s = index.get(a.site());
            for (Run run : a.runs()) {
                for (int t = g.floor(run.start()); t < g.ceil(run.end()); t++) {
                    sum += a.kw() * cost[s][t];
                }
            }
            if (a.migrated()) {
                sum += jobs.get(a.jobId()).dataGb() * r.network().costPerGb();
            }
        }
        return sum;
    }
}
