package io.gridshift.aggregator.schedule;

import io.gridshift.aggregator.fleet.FleetState;
import io.gridshift.aggregator.fleet.SiteView;
import io.gridshift.aggregator.metrics.AggregatorMetrics;
import io.gridshift.domain.schedule.FlexibleJob;
import io.gridshift.domain.schedule.PlanId;
import io.gridshift.domain.schedule.SiteJobs;
import io.gridshift.domain.schedule.SitePlan;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import io.gridshift.optimizer.schedule.DayAheadScheduler;
import io.gridshift.optimizer.schedule.Network;
import io.gridshift.optimizer.schedule.Policy;
import io.gridshift.optimizer.schedule.Schedule;
import io.gridshift.optimizer.schedule.ScheduleJob;
import io.gridshift.optimizer.schedule.ScheduleOptions;
import io.gridshift.optimizer.schedule.ScheduleRequest;
import io.gridshift.optimizer.schedule.ScheduleScore;
import io.gridshift.optimizer.schedule.ScheduleSite;
import io.gridshift.optimizer.schedule.Scorer;
import io.gridshift.optimizer.schedule.SlotGrid;
import io.gridshift.optimizer.signals.ZoneSignal;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plans the fleet's flexible jobs day-ahead and sends each site its share. Only the node holding
 * the schedule lease plans (one plan series in the cluster); every node files jobs reports and plan
 * acks and answers the REST API from the {@link ScheduleBoard}.
 *
 * <p>A run: the sites' newest jobs reports, each site's zone and room from its envelope (room =
 * hosting capacity plus the site's own jobs, so that they can always run at home; import limit =
 * baseline + room), the forecasts over the grid from the {@link SignalStore}; the optimizer's
 * {@link DayAheadScheduler} with the previous plan (started jobs stay), then the same request at
 * arrival as the yardstick. Sites in a zone without a forecast are left out (their jobs run at
 * arrival). Runs on a timer and whenever the signals change, on one thread.
 */
public final class ScheduleService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleService.class);
    private static final int MAX_SITES = 100_000;

    private final FleetState fleet;
    private final SignalStore signals;
    private final ScheduleBoard board;
    private final PlanPublisher publisher;
    private final ScheduleServiceOptions options;
    private final Clock clock;
    private final AggregatorMetrics metrics;
    private final BooleanSupplier leader;
    private final ScheduledExecutorService worker;
    private final DayAheadScheduler scheduler = new DayAheadScheduler();
    private Schedule previous;
    private volatile String lastOutcome = "not planned yet";

    public ScheduleService(
            FleetState fleet,
            SignalStore signals,
            ScheduleBoard board,
            PlanPublisher publisher,
            ScheduleServiceOptions options,
            Clock clock,
            AggregatorMetrics metrics,
            BooleanSupplier leader) {
        this.fleet = fleet;
        this.signals = signals;
        this.board = board;
        this.publisher = publisher;
        this.options = options;
        this.clock = clock;
        this.metrics = metrics;
        this.leader = leader;
        this.worker =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "gridshift-schedule");
                            t.setDaemon(true);
                            return t;
                        });
    }

    public void start() {
        long every = options.replanInterval().toMillis();
        worker.scheduleWithFixedDelay(() -> guarded("timer"), every, every, TimeUnit.MILLISECONDS);
        signals.onChange(() -> worker.execute(() -> guarded("signals")));
    }

    /** Plans now (if this node leads); completes with the outcome, for tests and the API. */
    public Future<String> replanNow(String reason) {
        return worker.submit(
                () -> {
                    guarded(reason);
                    return lastOutcome;
                });
    }

    public String lastOutcome() {
        return lastOutcome;
    }

    private void guarded(String reason) {
        if (!leader.getAsBoolean()) {
            return;
        }
        try {
            lastOutcome = replan(reason);
        } catch (RuntimeException e) {
            lastOutcome = "failed: " + e.getMessage();
            LOG.warn("Day-ahead planning ({}) failed", reason, e);
        }
    }

    private String replan(String reason) {
        metrics.replan(reason);
        Instant now = clock.instant();
        ScheduleRequest request = request(now);
        if (request == null) {
            return "no site with a forecast for its zone";
        }
        long t0 = System.nanoTime();
        Schedule plan =
                previous == null ? scheduler.plan(request) : scheduler.plan(request, previous);
        metrics.solverTime(Duration.ofNanos(System.nanoTime() - t0));
        Schedule atArrival =
                scheduler.plan(
                        request.withOptions(request.options().withPolicy(Policy.RUN_AT_ARRIVAL)));
        ScheduleScore planned = Scorer.score(request, plan, request.forecast());
        ScheduleScore baseline = Scorer.score(request, atArrival, request.forecast());
        int version = board.lastVersion() + 1;
        Map<SiteId, SitePlan> plans =
                PlanBuilder.build(request, plan, PlanId.of(options.planId()), version, now);
        JsonObject report =
                ScheduleReport.of(request, plan, atArrival, planned, baseline, plans, now);
        board.putSummary(version, report.put("trigger", reason).encode());
        plans.values().forEach(this::send);
        previous = plan;
        String outcome =
                "planned v"
                        + version
                        + ": "
                        + plan.assignments().size()
                        + " job(s) placed, "
                        + plan.unplaced().size()
                        + " unplaced, "
                        + plans.size()
                        + " site(s)";
        LOG.info("Day-ahead {} ({}; {})", outcome, reason, plan.summary().method());
        return outcome;
    }

    /** The request over the grid from {@code now}; {@code null} when no site can be planned. */
    private ScheduleRequest request(Instant now) {
        Duration slot = options.slot();
        long step = slot.toSeconds();
        Instant start = Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), step) * step);
        SlotGrid grid = new SlotGrid(start, slot, (int) (options.horizon().toSeconds() / step));
        Map<SiteId, SiteJobs> reports = board.allJobs();
        List<ScheduleSite> sites = new ArrayList<>();
        Map<GridZone, ZoneSignal> forecast = new HashMap<>();
        List<ScheduleJob> jobs = new ArrayList<>();
        for (SiteView v : fleet.sites(null, null, 0, MAX_SITES).sites()) {
            Optional<ScheduleSite> s = site(v, reports.get(v.site()));
            if (s.isEmpty()) {
                continue;
            }
            GridZone zone = s.get().zone();
            ZoneSignal f =
                    forecast.computeIfAbsent(
                            zone, z -> signals.forecast(z, grid.start(), grid.end(), slot));
            if (f == null) {
                forecast.remove(zone);
                continue;
            }
            sites.add(s.get());
            SiteJobs r = reports.get(v.site());
            if (r != null) {
                r.jobs().stream()
                        .filter(j -> j.deadline().isAfter(now))
                        .forEach(j -> jobs.add(job(v.site(), j)));
            }
        }
        if (sites.isEmpty()) {
            return null;
        }
        ScheduleOptions d =
                ScheduleOptions.of(options.policy())
                        .withWindow(options.horizon())
                        .withCarbonPrice(options.carbonPricePerTonne());
        ScheduleOptions so =
                new ScheduleOptions(
                        d.policy(),
                        d.window(),
                        d.carbonPricePerTonne(),
                        d.candidatesPerJob(),
                        d.lagrangeIterations(),
                        options.timeLimit());
        return new ScheduleRequest(
                grid,
                sites,
                unique(jobs),
                forecast,
                // the zones' grid headroom (and residual mix) from the contracts file
                options.green().zones(),
                Network.simple(options.transferGbps()),
                so);
    }

    private void send(SitePlan p) {
        board.putPlan(p);
        publisher
                .publish(p)
                .whenComplete(
                        (ok, e) -> {
                            if (e == null) {
                                metrics.planSent();
                            } else {
                                LOG.warn(
                                        "Plan v{} for {} not sent: {}",
                                        p.version(),
                                        p.site(),
                                        e.toString());
                            }
                        });
    }

    private static Optional<ScheduleSite> site(SiteView v, SiteJobs report) {
        String zone = v.envelope() != null ? v.envelope().zone().code() : v.zone();
        if (zone == null) {
            return Optional.empty();
        }
        double ownKw = 0;
        if (report != null) {
            for (FlexibleJob j : report.jobs()) {
                ownKw += j.kw();
            }
        }
        double hosting = (v.envelope() == null ? 0 : v.envelope().hostingCapacityKw()) + ownKw;
        double baseline = v.envelope() == null ? 0 : v.envelope().baselineKw();
        return Optional.of(
                new ScheduleSite(
                        v.site(), GridZone.of(zone), hosting, baseline + hosting, baseline));
    }

    private static ScheduleJob job(SiteId site, FlexibleJob j) {
        return new ScheduleJob(
                j.id(),
                site,
                j.jobClass(),
                j.arrival(),
                j.deadline(),
                j.duration(),
                j.kw(),
                j.interruptible(),
                j.dataGb(),
                j.allowedZones(),
                ScheduleJob.ANY_LATENCY);
    }

    /** Job ids are unique per site; two sites using one id would clash in one request. */
    private static List<ScheduleJob> unique(List<ScheduleJob> jobs) {
        Map<String, ScheduleJob> byId = new java.util.LinkedHashMap<>();
        for (ScheduleJob j : jobs) {
            if (byId.putIfAbsent(j.id(), j) != null) {
                LOG.warn(
                        "Job id {} of {} is also used at {}; left to run at arrival",
                        j.id(),
                        j.origin(),
                        byId.get(j.id()).origin());
            }
        }
        return List.copyOf(byId.values());
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
