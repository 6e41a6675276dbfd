package io.gridshift.optimizer.schedule;

import io.gridshift.domain.Check;
import io.gridshift.domain.site.GridZone;
import io.gridshift.optimizer.signals.ForecastModel;
import io.gridshift.optimizer.signals.ZoneInfo;
import io.gridshift.optimizer.signals.ZoneSignal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A what-if run: the jobs planned with a policy on forecasts and scored on the actuals, next to the
 * same jobs run at arrival at their origin. What {@code gridshift schedule} prints and what the
 * aggregator's API can serve.
 *
 * @param grid the plan's slots
 * @param sites the fleet
 * @param jobs the jobs
 * @param actuals the actual signals per zone (must cover the grid; forecasts are made from them)
 * @param zones zone metadata
 * @param network transfer and latency
 * @param options policy, window, carbon price
 * @param forecast the forecast-error model, issued at the grid's start
 */
public record Scenario(
        SlotGrid grid,
        List<ScheduleSite> sites,
        List<ScheduleJob> jobs,
        Map<GridZone, ZoneSignal> actuals,
        Map<GridZone, ZoneInfo> zones,
        Network network,
        ScheduleOptions options,
        ForecastModel forecast) {
    public Scenario {
        Check.required("forecast", forecast);
        actuals = Map.copyOf(Check.required("actuals", actuals));
    }

    /** The outcome: the plan, its score and the baseline's, both on the actuals. */
    public record Result(
            Schedule plan, ScheduleScore baseline, ScheduleScore planned, String forecastLabel) {}

    /** Plans on the forecast, scores both the plan and run-at-arrival on the actuals. */
    public Result run(DayAheadScheduler scheduler) {
        Map<GridZone, ZoneSignal> predicted = new HashMap<>();
        // two days of history for persistence; the rest of a long series is not needed
        Instant from = grid.start().minus(Duration.ofDays(2));
        actuals.forEach(
                (z, s) ->
                        predicted.put(
                                z, forecast.forecast(s.slice(from, grid.end()), grid.start())));
        ScheduleRequest request =
                new ScheduleRequest(grid, sites, jobs, predicted, zones, network, options);
        Schedule plan = scheduler.plan(request);
        Schedule base =
                scheduler.plan(request.withOptions(options.withPolicy(Policy.RUN_AT_ARRIVAL)));
        return new Result(
                plan,
                Scorer.score(request, base, actuals),
                Scorer.score(request, plan, actuals),
                forecast.label());
    }
}
