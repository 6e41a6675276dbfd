package io.gridshift.optimizer.schedule;

import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import io.gridshift.optimizer.signals.ZoneSignal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Scores a plan on the actual signals (the plan was made on forecasts). Energy per run is {@code kW
 * × slot hours} per occupied slot, priced and carbon-counted at each slot's actual value.
 */
public final class Scorer {
    private Scorer() {}

    /** Scores {@code plan} for {@code request}'s jobs on {@code actuals}. */
    public static ScheduleScore score(
            ScheduleRequest request, Schedule plan, Map<GridZone, ZoneSignal> actuals) {
        Map<SiteId, ScheduleSite> sites =
                request.sites().stream()
                        .collect(Collectors.toMap(ScheduleSite::id, Function.identity()));
        Map<String, JobAssignment> byJob = plan.byJob();
        Map<GridZone, Totals> byZone = new HashMap<>();
        Map<GridZone, Totals> byOrigin = new HashMap<>();
        Map<String, Totals> byClass = new HashMap<>();
        Totals total = Totals.ZERO;
        SlotGrid grid = request.grid();
        for (ScheduleJob job : request.jobs()) {
            JobAssignment a = byJob.get(job.id());
            if (a == null) {
                a = atArrival(grid, job, sites.get(job.origin()));
            }
            ZoneSignal actual = actuals.get(a.zone());
            if (actual == null) {
                throw new InvalidFieldException(
                        "actuals", "required", a.zone(), "must have a signal for zone " + a.zone());
            }
            Totals t = score(grid, job, a, actual, request.network());
            total = total.plus(t);
            byZone.merge(a.zone(), t, Totals::plus);
            byOrigin.merge(sites.get(job.origin()).zone(), t, Totals::plus);
            byClass.merge(job.jobClass(), t, Totals::plus);
        }
        return new ScheduleScore(total, byZone, byOrigin, byClass);
    }

    private static Totals score(
            SlotGrid grid, ScheduleJob job, JobAssignment a, ZoneSignal actual, Network network) {
        double h = grid.slotHours();
        double kwh = 0;
        double cost = 0;
        double kg = 0;
        for (Run r : a.runs()) {
            for (Instant t = r.start(); t.isBefore(r.end()); t = t.plus(grid.slot())) {
                double e = job.kw() * h;
                kwh += e;
                cost += e * actual.priceAt(t) / 1000;
                kg += e * actual.carbonAt(t) / 1000;
            }
        }
        double transfer = a.migrated() ? job.dataGb() * network.costPerGb() : 0;
        return new Totals(1, kwh, cost, transfer, kg);
    }

    /** The job as it runs without a plan: at its origin, contiguously from its arrival. */
    static JobAssignment atArrival(SlotGrid grid, ScheduleJob job, ScheduleSite origin) {
        int s = Math.max(0, grid.ceil(job.arrival()));
        int d = grid.slotsFor(job.duration());
        return new JobAssignment(
                job.id(),
                origin.id(),
                origin.zone(),
                List.of(new Run(grid.at(s), grid.at(s + d))),
                job.kw(),
                false);
    }
}
