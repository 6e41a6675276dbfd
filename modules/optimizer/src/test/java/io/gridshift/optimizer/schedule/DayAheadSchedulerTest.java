package io.gridshift.optimizer.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import io.gridshift.optimizer.signals.ForecastModel;
import io.gridshift.optimizer.signals.ZoneInfo;
import io.gridshift.optimizer.signals.ZoneSignal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The scheduler on the real 2022 carbon data of ten European zones (synthetic prices). */
class DayAheadSchedulerTest {
    private static final List<Instant> DAYS =
            List.of(
                    Instant.parse("2022-01-12T00:00:00Z"), Instant.parse("2022-04-20T00:00:00Z"),
                    Instant.parse("2022-07-07T00:00:00Z"), Instant.parse("2022-10-25T00:00:00Z"));
    private final DayAheadScheduler scheduler = new DayAheadScheduler();

    private static ScheduleRequest fleet(Instant day, double room, Policy policy, long seed) {
        return fleet(day, room, policy, seed, 300);
    }

    private static ScheduleRequest fleet(
            Instant day, double room, Policy policy, long seed, int jobs) {
        // 15 Lagrange steps keep each plan well under a second here; the bench runs the default 30
        ScheduleOptions o = ScheduleOptions.of(policy);
        o =
                new ScheduleOptions(
                        policy,
                        o.window(),
                        o.carbonPricePerTonne(),
                        o.candidatesPerJob(),
                        15,
                        o.timeLimit());
        return SyntheticFleet.build(
                seed,
                SyntheticFleet.EUROPE,
                12,
                jobs,
                SlotGrid.quarterHours(day, 48),
                24,
                8,
                room,
                o);
    }

    @Test
    void deadlinesAreAlwaysMet() {
        for (Instant day : List.of(DAYS.get(0), DAYS.get(2))) {
            for (Policy policy : Policy.values()) {
                // GIVEN 200 jobs on 12 sites with room for 1.2 times the at-arrival peak
                ScheduleRequest r = fleet(day, 1.2, policy, day.getEpochSecond(), 200);
                // WHEN planned
                Schedule s = scheduler.plan(r);
                // THEN every job runs its full length between arrival and deadline
                assertThat(s.unplaced()).as(policy + " " + day).isEmpty();
                assertThat(s.assignments()).hasSize(r.jobs().size());
                Map<String, JobAssignment> byJob = s.byJob();
                for (ScheduleJob job : r.jobs()) {
                    JobAssignment a = byJob.get(job.id());
                    assertThat(a.start()).as(job.id()).isAfterOrEqualTo(job.arrival());
                    assertThat(a.end()).as(job.id()).isBeforeOrEqualTo(job.deadline());
                    Duration ran =
                            a.runs().stream()
                                    .map(run -> Duration.between(run.start(), run.end()))
                                    .reduce(Duration.ZERO, Duration::plus);
                    assertThat(ran).isEqualTo(job.duration());
                    if (!job.interruptible()) {
                        assertThat(a.runs()).hasSize(1);
                    }
                    if (policy == Policy.RUN_AT_ARRIVAL || policy == Policy.TEMPORAL) {
                        assertThat(a.site()).isEqualTo(job.origin());
                    }
                }
            }
        }
    }

    @Test
    void temporalShiftingNeverIncreasesEmissionsWithPerfectForecasts() {
        for (int month = 1; month <= 12; month++) {
            Instant day = Instant.parse(String.format("2022-%02d-15T00:00:00Z", month));
            // GIVEN prices of zero, so the objective is the carbon price times emissions
            ScheduleRequest r = carbonOnly(fleet(day, 3, Policy.TEMPORAL, month, 200));
            // WHEN run at arrival and shifted in time, both scored on the actuals
            Schedule arrival =
                    scheduler.plan(r.withOptions(r.options().withPolicy(Policy.RUN_AT_ARRIVAL)));
            ScheduleScore base = Scorer.score(r, arrival, r.forecast());
            Schedule shifted = scheduler.plan(r);
            ScheduleScore temporal = Scorer.score(r, shifted, r.forecast());
            // THEN no job, and so no zone, emits more; and the fleet emits less
            Map<String, JobAssignment> at = arrival.byJob();
            for (ScheduleJob job : r.jobs()) {
                ScheduleRequest one = single(r, job);
                double before =
                        Scorer.score(one, only(at.get(job.id())), r.forecast())
                                .total()
                                .emissionsKg();
                double after =
                        Scorer.score(one, only(shifted.byJob().get(job.id())), r.forecast())
                                .total()
                                .emissionsKg();
                assertThat(after).as(job.id() + " in " + day).isLessThanOrEqualTo(before + 1e-9);
            }
            base.byOriginZone()
                    .forEach(
                            (z, t) ->
                                    assertThat(temporal.byOriginZone().get(z).emissionsKg())
                                            .isLessThanOrEqualTo(t.emissionsKg() + 1e-6));
            assertThat(temporal.total().emissionsKg()).isLessThan(base.total().emissionsKg());
            assertThat(temporal.total().energyKwh()).isEqualTo(base.total().energyKwh());
        }
    }

    @Test
    void spatialShiftingRespectsCapacityLatencyTransferAndAllowedZones() {
        for (Policy policy : List.of(Policy.SPATIAL, Policy.BOTH)) {
            // GIVEN room for exactly the at-arrival peak and a Swedish grid that takes 300 kW more
            ScheduleRequest r = fleet(DAYS.get(1), 1.0, policy, 11);
            Map<GridZone, ZoneInfo> zones = new HashMap<>(r.zones());
            GridZone se = GridZone.of("SE-SE3");
            zones.put(se, new ZoneInfo(se, 300, 0));
            r =
                    new ScheduleRequest(
                            r.grid(),
                            r.sites(),
                            r.jobs(),
                            r.forecast(),
                            zones,
                            r.network(),
                            r.options());
            // WHEN planned
            Schedule s = scheduler.plan(r);
            // THEN jobs move, but no site, zone, latency, transfer or zone rule is broken
            assertThat(s.assignments().stream().filter(JobAssignment::migrated).count())
                    .as(policy.toString())
                    .isGreaterThan(50);
            checkLimits(r, s);
        }
    }

    @Test
    void gapIsReportedAndTheBoundIsBelowThePlan() {
        ScheduleRequest r = fleet(DAYS.get(2), 1.0, Policy.BOTH, 5);
        Schedule s = scheduler.plan(r);
        SolverSummary sum = s.summary();
        assertThat(sum.lowerBound()).isLessThanOrEqualTo(sum.objective());
        assertThat(sum.gap()).isBetween(0.0, 0.25);
        // the bound is also below the run-at-arrival plan's objective, which is feasible here
        Schedule base =
                scheduler.plan(r.withOptions(r.options().withPolicy(Policy.RUN_AT_ARRIVAL)));
        assertThat(sum.lowerBound()).isLessThanOrEqualTo(base.summary().objective());
        assertThat(sum.objective()).isLessThan(base.summary().objective());
    }

    @Test
    void replanKeepsStartedJobsAndRaisesTheVersion() {
        // GIVEN a plan made at midnight on perfect forecasts
        Instant day = DAYS.get(3);
        ScheduleRequest r =
                SyntheticFleet.build(
                        3,
                        SyntheticFleet.EUROPE,
                        12,
                        400,
                        SlotGrid.quarterHours(day, 48),
                        24,
                        8,
                        1.5,
                        ScheduleOptions.of(Policy.BOTH));
        Schedule first = scheduler.plan(r);
        assertThat(first.version()).isEqualTo(1);
        // WHEN re-planned at 06:00 on a noisy forecast issued then
        Instant six = day.plus(Duration.ofHours(6));
        Map<GridZone, ZoneSignal> noisy = new HashMap<>();
        r.forecast()
                .forEach(
                        (z, sig) ->
                                noisy.put(
                                        z, new ForecastModel.Ar1(0.2, 0.9, 1).forecast(sig, six)));
        SlotGrid later = SlotGrid.quarterHours(six, 42);
        ScheduleRequest again =
                new ScheduleRequest(
                        later, r.sites(), r.jobs(), noisy, r.zones(), r.network(), r.options());
        Schedule second = scheduler.plan(again, first);
        // THEN the version goes up, and every job started before 06:00 keeps its assignment
        assertThat(second.version()).isEqualTo(2);
        long started = 0;
        for (JobAssignment a : first.assignments()) {
            if (a.start().isBefore(six)) {
                started++;
                assertThat(second.byJob().get(a.jobId())).isEqualTo(a);
            } else if (second.byJob().containsKey(a.jobId())) {
                assertThat(second.byJob().get(a.jobId()).start()).isAfterOrEqualTo(six);
            }
        }
        assertThat(started).isGreaterThan(20);
        checkLimits(again, second);
    }

    /** Site room, zone headroom, latency, transfer time and allowed zones, slot by slot. */
    static void checkLimits(ScheduleRequest r, Schedule s) {
        Map<SiteId, ScheduleSite> sites =
                r.sites().stream().collect(Collectors.toMap(ScheduleSite::id, Function.identity()));
        Map<String, ScheduleJob> jobs =
                r.jobs().stream().collect(Collectors.toMap(ScheduleJob::id, Function.identity()));
        SlotGrid g = r.grid();
        Map<SiteId, double[]> siteLoad = new HashMap<>();
        Map<GridZone, double[]> zoneLoad = new HashMap<>();
        for (JobAssignment a : s.assignments()) {
            ScheduleJob job = jobs.get(a.jobId());
            ScheduleSite origin = sites.get(job.origin());
            assertThat(job.allows(a.zone())).as(a.jobId()).isTrue();
            assertThat(r.network().latencyMs(origin.zone(), a.zone()))
                    .as(a.jobId())
                    .isLessThanOrEqualTo(job.maxLatencyMs());
            if (a.migrated()) {
                assertThat(a.start())
                        .as(a.jobId())
                        .isAfterOrEqualTo(
                                job.arrival().plus(r.network().transferTime(job.dataGb())));
            }
            for (Run run : a.runs()) {
                for (int t = Math.max(0, g.floor(run.start()));
                        t < Math.min(g.slots(), g.ceil(run.end()));
                        t++) {
                    siteLoad.computeIfAbsent(a.site(), k -> new double[g.slots()])[t] += a.kw();
                    zoneLoad.computeIfAbsent(a.zone(), k -> new double[g.slots()])[t] += a.kw();
                }
            }
        }
        siteLoad.forEach(
                (id, load) -> {
                    for (double kw : load) {
                        assertThat(kw)
                                .as(id.toString())
                                .isLessThanOrEqualTo(sites.get(id).roomKw() + 1e-6);
                    }
                });
        zoneLoad.forEach(
                (z, load) -> {
                    for (double kw : load) {
                        assertThat(kw).as(z.toString()).isLessThanOrEqualTo(r.headroomKw(z) + 1e-6);
                    }
                });
    }

    private static ScheduleRequest carbonOnly(ScheduleRequest r) {
        Map<GridZone, ZoneSignal> f = new HashMap<>();
        r.forecast()
                .forEach(
                        (z, s) ->
                                f.put(
                                        z,
                                        new ZoneSignal(
                                                z,
                                                s.start(),
                                                s.step(),
                                                new double[s.steps()],
                                                s.carbonGPerKwh())));
        return r.withForecast(f);
    }

    private static ScheduleRequest single(ScheduleRequest r, ScheduleJob job) {
        return new ScheduleRequest(
                r.grid(),
                r.sites(),
                List.of(job),
                r.forecast(),
                r.zones(),
                r.network(),
                r.options());
    }

    private static Schedule only(JobAssignment a) {
        return new Schedule(
                1,
                a.start(),
                a.end(),
                Policy.TEMPORAL,
                List.of(a),
                List.of(),
                new SolverSummary("test", 0, 0, 0, 0, false, 0));
    }
}
