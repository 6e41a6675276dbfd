package io.gridshift.aggregator.schedule;

import io.gridshift.domain.schedule.PlanAck;
import io.gridshift.domain.schedule.PlanAction;
import io.gridshift.domain.schedule.PlannedJob;
import io.gridshift.domain.schedule.SitePlan;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import io.gridshift.optimizer.schedule.JobAssignment;
import io.gridshift.optimizer.schedule.Run;
import io.gridshift.optimizer.schedule.Schedule;
import io.gridshift.optimizer.schedule.ScheduleRequest;
import io.gridshift.optimizer.schedule.ScheduleScore;
import io.gridshift.optimizer.schedule.SlotGrid;
import io.gridshift.optimizer.schedule.SolverSummary;
import io.gridshift.optimizer.schedule.Totals;
import io.gridshift.optimizer.schedule.Unplaced;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The plan as the REST API and the dashboard show it: version, solver figures (objective, bound,
 * gap), cost and emissions against running every job at arrival, by zone and by job class, the kW
 * the plan puts in each zone per slot (and what run-at-arrival would), and each site's plan and
 * ack. Savings are scored on the forecast the plan was made on; the actuals come later.
 */
public final class ScheduleReport {
    private ScheduleReport() {}

    static JsonObject of(
            ScheduleRequest request,
            Schedule plan,
            Schedule atArrival,
            ScheduleScore planned,
            ScheduleScore baseline,
            Map<SiteId, SitePlan> plans,
            Instant issuedAt) {
        SitePlan any = plans.values().iterator().next();
        SolverSummary s = plan.summary();
        JsonObject json =
                new JsonObject()
                        .put("status", "planned")
                        .put("planId", any.planId().value())
                        .put("version", any.version())
                        .put("issuedAt", issuedAt.toString())
                        .put("validFrom", any.validFrom().toString())
                        .put("validUntil", any.validUntil().toString())
                        .put("slotMinutes", request.grid().slot().toMinutes())
                        .put("slots", request.grid().slots())
                        .put("policy", plan.policy().name())
                        .put(
                                "solver",
                                new JsonObject()
                                        .put("method", s.method())
                                        .put("objective", finite(s.objective()))
                                        .put("lowerBound", finite(s.lowerBound()))
                                        .put("gap", finite(s.gap()))
                                        .put("millis", s.millis())
                                        .put("timedOut", s.timedOut()))
                        .put("planned", totals(planned.total()))
                        .put("atArrival", totals(baseline.total()))
                        .put("savings", savings(planned.total(), baseline.total()));
        JsonArray zones = new JsonArray();
        TreeSet<GridZone> allZones = new TreeSet<>(planned.byOriginZone().keySet());
        allZones.addAll(planned.byZone().keySet());
        Map<GridZone, double[]> plannedKw = zoneKw(request.grid(), plan);
        Map<GridZone, double[]> arrivalKw = zoneKw(request.grid(), atArrival);
        allZones.addAll(plannedKw.keySet());
        allZones.addAll(arrivalKw.keySet());
        for (GridZone z : allZones) {
            zones.add(
                    new JsonObject()
                            .put("zone", z.code())
                            .put("planned", totals(planned.byZone().getOrDefault(z, Totals.ZERO)))
                            .put(
                                    "atArrival",
                                    totals(baseline.byZone().getOrDefault(z, Totals.ZERO)))
                            .put("plannedKw", array(plannedKw.get(z), request.grid().slots()))
                            .put("atArrivalKw", array(arrivalKw.get(z), request.grid().slots())));
        }
        json.put("zones", zones);
        JsonArray classes = new JsonArray();
        for (String c : new TreeSet<>(baseline.byClass().keySet())) {
            classes.add(
                    new JsonObject()
                            .put("jobClass", c)
                            .put("planned", totals(planned.byClass().getOrDefault(c, Totals.ZERO)))
                            .put("atArrival", totals(baseline.byClass().get(c))));
        }
        json.put("jobClasses", classes);
        JsonArray unplaced = new JsonArray();
        for (Unplaced u : plan.unplaced()) {
            unplaced.add(new JsonObject().put("job", u.jobId()).put("reason", u.reason()));
        }
        json.put("unplaced", unplaced);
        return json;
    }

    /** The per-site part, refreshed with the acks whenever the API asks. */
    static JsonArray sites(Map<SiteId, SitePlan> plans, Map<SiteId, PlanAck> acks) {
        JsonArray out = new JsonArray();
        Map<SiteId, SitePlan> sorted = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
        sorted.putAll(plans);
        sorted.forEach((site, p) -> out.add(site(p, acks.get(site))));
        return out;
    }

    /** One site's plan with its ack (when it answers this version). */
    public static JsonObject site(SitePlan p, PlanAck ack) {
        int run = 0;
        int out = 0;
        int in = 0;
        JsonArray jobs = new JsonArray();
        for (PlannedJob j : p.jobs()) {
            run += j.action() == PlanAction.RUN ? 1 : 0;
            out += j.action() == PlanAction.MOVE_OUT ? 1 : 0;
            in += j.action() == PlanAction.MOVE_IN ? 1 : 0;
            JsonObject job =
                    new JsonObject()
                            .put("job", j.job())
                            .put("action", j.action().name())
                            .put("start", p.slotStart(j.firstSlot()).toString())
                            .put("slots", new JsonArray(j.slots()))
                            .put("kw", j.kw())
                            .put("deadline", j.deadline().toString());
            if (j.peer() != null) {
                job.put("peer", j.peer().value());
            }
            jobs.add(job);
        }
        JsonObject json =
                new JsonObject()
                        .put("site", p.site().value())
                        .put("planId", p.planId().value())
                        .put("version", p.version())
                        .put("validFrom", p.validFrom().toString())
                        .put("validUntil", p.validUntil().toString())
                        .put("slotMinutes", p.slot().toMinutes())
                        .put("run", run)
                        .put("moveOut", out)
                        .put("moveIn", in)
                        .put("jobs", jobs);
        if (ack != null && ack.planId().equals(p.planId()) && ack.version() == p.version()) {
            JsonArray rejected = new JsonArray();
            ack.rejected()
                    .forEach(
                            r ->
                                    rejected.add(
                                            new JsonObject()
                                                    .put("job", r.job())
                                                    .put("reason", r.reason())));
            json.put(
                    "ack",
                    new JsonObject()
                            .put("status", ack.status().name())
                            .put("reason", ack.reason())
                            .put("ts", ack.ts().toString())
                            .put("rejected", rejected));
        } else {
            json.putNull("ack");
        }
        return json;
    }

    private static Map<GridZone, double[]> zoneKw(SlotGrid grid, Schedule s) {
        Map<GridZone, double[]> out = new TreeMap<>();
        for (JobAssignment a : s.assignments()) {
            double[] kw = out.computeIfAbsent(a.zone(), z -> new double[grid.slots()]);
            for (Run r : a.runs()) {
                for (int i = Math.max(0, grid.floor(r.start()));
                        i < Math.min(grid.slots(), grid.ceil(r.end()));
                        i++) {
                    kw[i] += a.kw();
                }
            }
        }
        return out;
    }

    private static JsonArray array(double[] values, int n) {
        JsonArray a = new JsonArray();
        for (int i = 0; i < n; i++) {
            a.add(values == null ? 0.0 : Math.round(values[i] * 10) / 10.0);
        }
        return a;
    }

    static JsonObject totals(Totals t) {
        return new JsonObject()
                .put("jobs", t.jobs())
                .put("energyKwh", round(t.energyKwh()))
                .put("cost", round(t.cost()))
                .put("energyCost", round(t.energyCost()))
                .put("transferCost", round(t.transferCost()))
                .put("emissionsKg", round(t.emissionsKg()));
    }

    private static JsonObject savings(Totals planned, Totals baseline) {
        double cost = baseline.cost() - planned.cost();
        double kg = baseline.emissionsKg() - planned.emissionsKg();
        return new JsonObject()
                .put("cost", round(cost))
                .put("emissionsKg", round(kg))
                .put("costPct", baseline.cost() == 0 ? 0.0 : round(100 * cost / baseline.cost()))
                .put(
                        "emissionsPct",
                        baseline.emissionsKg() == 0
                                ? 0.0
                                : round(100 * kg / baseline.emissionsKg()));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
