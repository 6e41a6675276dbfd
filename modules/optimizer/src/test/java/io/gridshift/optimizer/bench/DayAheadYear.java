package io.gridshift.optimizer.bench;

import io.gridshift.domain.site.GridZone;
import io.gridshift.optimizer.schedule.DayAheadScheduler;
import io.gridshift.optimizer.schedule.Policy;
import io.gridshift.optimizer.schedule.Scenario;
import io.gridshift.optimizer.schedule.ScheduleOptions;
import io.gridshift.optimizer.schedule.ScheduleRequest;
import io.gridshift.optimizer.schedule.SlotGrid;
import io.gridshift.optimizer.schedule.SyntheticFleet;
import io.gridshift.optimizer.schedule.Totals;
import io.gridshift.optimizer.signals.Carbon2022;
import io.gridshift.optimizer.signals.ForecastModel;
import io.gridshift.optimizer.signals.PriceModel;
import io.gridshift.optimizer.signals.ZoneSignal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A year of daily plans over the real 2022 carbon data: each day a new seeded set of jobs arriving
 * that day (deadlines up to 48 h later), planned on hourly slots with each policy on a perfect and
 * on a noisy forecast, scored on the actuals, summed over the year against run-at-arrival.
 */
@SuppressWarnings("checkstyle:noPrint")
final class DayAheadYear {
    private DayAheadYear() {}

    static void main(String[] args) {
        int days = args.length > 0 ? Integer.parseInt(args[0]) : 365;
        int sites = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int jobs = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        List<String> zones = SyntheticFleet.EUROPE;
        Map<GridZone, ZoneSignal> year = new HashMap<>();
        for (String z : zones) {
            year.put(GridZone.of(z), Carbon2022.load().signal(GridZone.of(z), PriceModel.DEFAULT));
        }
        List<ForecastModel> models =
                List.of(
                        new ForecastModel.Perfect(),
                        new ForecastModel.Ar1(0.2, 0.9, 7),
                        new ForecastModel.Persistence());
        Map<String, Totals[]> sums = new LinkedHashMap<>();
        DayAheadScheduler scheduler = new DayAheadScheduler();
        long t0 = System.nanoTime();
        System.out.printf(
                Locale.ROOT,
                "year 2022: %d daily plans, %d sites in %s, %d jobs a day, "
                        + "hourly slots, 48 h horizon, carbon price 100/t, load average %.2f%n",
                days,
                sites,
                zones,
                jobs,
                DayAheadBench.load());
        for (int d = 0; d < days; d++) {
            Instant day = Carbon2022.START.plus(Duration.ofDays(d));
            long left = Duration.between(day, year.get(GridZone.of("DE")).end()).toHours();
            int hours = (int) Math.min(48, left);
            // on the last day the horizon ends with the data: arrivals stop 8 h (longest job)
            // before
            ScheduleRequest r =
                    SyntheticFleet.build(
                            d,
                            zones,
                            sites,
                            jobs,
                            SlotGrid.hours(day, hours),
                            Math.min(24, hours - 8),
                            8,
                            1.5,
                            ScheduleOptions.of(Policy.BOTH).withWindow(Duration.ofHours(24)));
            runDay(r, year, models, scheduler, sums);
        }
        print(sums);
        System.out.printf(
                Locale.ROOT,
                "%d plans in %.1f s, load average %.2f%n",
                days * models.size() * 3 * 2,
                (System.nanoTime() - t0) / 1e9,
                DayAheadBench.load());
    }

    private static void runDay(
            ScheduleRequest r,
            Map<GridZone, ZoneSignal> year,
            List<ForecastModel> models,
            DayAheadScheduler scheduler,
            Map<String, Totals[]> sums) {
        for (ForecastModel m : models) {
            for (Policy p : List.of(Policy.TEMPORAL, Policy.SPATIAL, Policy.BOTH)) {
                Scenario s =
                        new Scenario(
                                r.grid(),
                                r.sites(),
                                r.jobs(),
                                year,
                                r.zones(),
                                r.network(),
                                r.options().withPolicy(p),
                                m);
                Scenario.Result res = s.run(scheduler);
                Totals[] acc =
                        sums.computeIfAbsent(
                                p + " / " + m.label(),
                                k -> new Totals[] {Totals.ZERO, Totals.ZERO, Totals.ZERO});
                acc[0] = acc[0].plus(res.baseline().total());
                acc[1] = acc[1].plus(res.planned().total());
                acc[2] = acc[2].plus(new Totals(res.plan().unplaced().size(), 0, 0, 0, 0));
            }
        }
    }

    private static void print(Map<String, Totals[]> sums) {
        System.out.printf(
                Locale.ROOT,
                "%-44s %14s %14s %8s %14s %14s %8s %9s%n",
                "policy / forecast",
                "cost base",
                "cost plan",
                "cost %",
                "tCO2 base",
                "tCO2 plan",
                "CO2 %",
                "unplaced");
        sums.forEach(
                (k, v) ->
                        System.out.printf(
                                Locale.ROOT,
                                "%-44s %14.0f %14.0f %+8.2f %14.1f %14.1f %+8.2f %9d%n",
                                k,
                                v[0].cost(),
                                v[1].cost(),
                                100 * (v[1].cost() / v[0].cost() - 1),
                                v[0].emissionsKg() / 1000,
                                v[1].emissionsKg() / 1000,
                                100 * (v[1].emissionsKg() / v[0].emissionsKg() - 1),
                                v[2].jobs()));
    }
}
