package io.gridshift.optimizer.schedule;

import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import io.gridshift.optimizer.signals.Carbon2022;
import io.gridshift.optimizer.signals.ForecastModel;
import io.gridshift.optimizer.signals.PriceModel;
import io.gridshift.optimizer.signals.ZoneInfo;
import io.gridshift.optimizer.signals.ZoneSignal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A seeded fleet on the real 2022 carbon data: sites spread over zones, jobs arriving in the first
 * {@code arrivalHours} with durations 15 min to {@code maxJobHours}, slack up to the horizon's end,
 * 40 % interruptible, 20 % bound to their origin's zone, 20 % with a 60 ms latency limit. Each site
 * has room for {@code roomFactor} times its peak load when every job runs at arrival.
 */
public final class SyntheticFleet {
    public static final List<String> EUROPE =
            List.of("DE", "FR", "GB", "PL", "SE-SE3", "ES", "NL", "IT-NO", "FI", "BE");

    private SyntheticFleet() {}

    /** The request with perfect forecasts; actuals via {@link #actuals}. */
    public static ScheduleRequest build(
            long seed,
            List<String> zoneCodes,
            int sites,
            int jobs,
            SlotGrid grid,
            int arrivalHours,
            int maxJobHours,
            double roomFactor,
            ScheduleOptions options) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<ScheduleSite> siteList = new ArrayList<>();
        for (int s = 0; s < sites; s++) {
            siteList.add(
                    new ScheduleSite(
                            SiteId.of("dc-" + s),
                            GridZone.of(zoneCodes.get(s % zoneCodes.size())),
                            0,
                            1,
                            0));
        }
        List<ScheduleJob> jobList = new ArrayList<>();
        for (int j = 0; j < jobs; j++) {
            int origin = rnd.nextInt(sites);
            // arrivals on slot boundaries (a real queue quantises them), so slot rounding never
            // eats slack
            Instant arrival =
                    grid.at(rnd.nextInt(arrivalHours * (int) Math.round(1 / grid.slotHours())));
            // whole slots: on hourly slots a 15-minute remainder would be rounded up past the
            // deadline
            long slotS = grid.slot().toSeconds();
            Duration d =
                    grid.slot().multipliedBy(1 + rnd.nextInt((int) (maxJobHours * 3600 / slotS)));
            Instant latest = grid.end();
            long slack = Duration.between(arrival.plus(d), latest).toSeconds();
            Instant deadline =
                    arrival.plus(d)
                            .plusSeconds(slack <= 0 ? 0 : rnd.nextLong(slack + 1) / slotS * slotS);
            double kw = 10 + rnd.nextInt(200);
            GridZone oz = siteList.get(origin).zone();
            Set<GridZone> allowed = rnd.nextDouble() < 0.2 ? Set.of(oz) : Set.of();
            double lat = rnd.nextDouble() < 0.2 ? 60 : ScheduleJob.ANY_LATENCY;
            String cls = d.toHours() >= 4 ? "long" : d.toHours() >= 1 ? "medium" : "short";
            jobList.add(
                    new ScheduleJob(
                            "job-" + j,
                            siteList.get(origin).id(),
                            cls,
                            arrival,
                            deadline,
                            d,
                            kw,
                            rnd.nextDouble() < 0.4,
                            rnd.nextInt(500),
                            allowed,
                            lat));
        }
        double hours = grid.slots() * grid.slotHours();
        double[][] load = new double[sites][grid.slots()];
        Map<SiteId, Integer> index = new HashMap<>();
        for (int s = 0; s < sites; s++) {
            index.put(siteList.get(s).id(), s);
        }
        for (ScheduleJob job : jobList) {
            int a = grid.ceil(job.arrival());
            for (int t = a; t < Math.min(grid.slots(), a + grid.slotsFor(job.duration())); t++) {
                load[index.get(job.origin())][t] += job.kw();
            }
        }
        for (int s = 0; s < sites; s++) {
            ScheduleSite old = siteList.get(s);
            double peak = java.util.Arrays.stream(load[s]).max().orElse(0);
            // room for the at-arrival peak times the factor: the baseline fits, shifting may crowd
            double room = Math.max(100, roomFactor * peak);
            siteList.set(s, new ScheduleSite(old.id(), old.zone(), room, room + 1000, 1000));
        }
        Map<GridZone, ZoneInfo> zones = new HashMap<>();
        Map<GridZone, ZoneSignal> forecast = new HashMap<>();
        for (String z : zoneCodes) {
            zones.put(GridZone.of(z), ZoneInfo.unlimited(GridZone.of(z)));
            forecast.put(GridZone.of(z), actual(GridZone.of(z), grid, hours));
        }
        Network net = new Network(10, Carbon2022.latency(), 150, 0.02);
        return new ScheduleRequest(grid, siteList, jobList, forecast, zones, net, options);
    }

    /** The zone's actual signal over the grid (hourly steps, synthetic prices). */
    static ZoneSignal actual(GridZone zone, SlotGrid grid, double hours) {
        ZoneSignal year = Carbon2022.load().signal(zone, PriceModel.DEFAULT);
        int from = year.indexOf(grid.start());
        int n = (int) Math.ceil(hours);
        double[] p = java.util.Arrays.copyOfRange(year.pricePerMwh(), from, from + n);
        double[] c = java.util.Arrays.copyOfRange(year.carbonGPerKwh(), from, from + n);
        return new ZoneSignal(zone, grid.start(), Duration.ofHours(1), p, c);
    }

    /** The forecast of every zone under {@code model}, issued at the grid's start. */
    static Map<GridZone, ZoneSignal> forecast(
            Map<GridZone, ZoneSignal> actuals, ForecastModel model, Instant issued) {
        Map<GridZone, ZoneSignal> out = new HashMap<>();
        actuals.forEach((z, s) -> out.put(z, model.forecast(s, issued)));
        return out;
    }
}
