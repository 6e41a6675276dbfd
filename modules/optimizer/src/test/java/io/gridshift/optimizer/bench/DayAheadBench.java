package io.gridshift.optimizer.bench;

import io.gridshift.optimizer.schedule.DayAheadScheduler;
import io.gridshift.optimizer.schedule.Policy;
import io.gridshift.optimizer.schedule.Schedule;
import io.gridshift.optimizer.schedule.ScheduleOptions;
import io.gridshift.optimizer.schedule.ScheduleRequest;
import io.gridshift.optimizer.schedule.SlotGrid;
import io.gridshift.optimizer.schedule.SyntheticFleet;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Locale;

/**
 * Day-ahead scheduler figures: (a) one plan for SITES sites × 96 quarter hours × JOBS jobs per
 * policy, time and optimality gap; (b) a year of daily plans on the real 2022 data (see {@link
 * DayAheadYear}); (c) the true gap against CP-SAT on small fleets (see {@link DayAheadExact}).
 * Prints, never fails on a number.
 */
@SuppressWarnings("checkstyle:noPrint")
public final class DayAheadBench {
    private DayAheadBench() {}

    public static void main(String[] args) {
        String part = args.length > 0 ? args[0] : "size";
        if (part.equals("year")) {
            DayAheadYear.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (part.equals("exact")) {
            DayAheadExact.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        int sites = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int jobs = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        double room = args.length > 3 ? Double.parseDouble(args[3]) : 1.0;
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        Instant day = Instant.parse("2022-06-15T00:00:00Z");
        DayAheadScheduler scheduler = new DayAheadScheduler();
        System.out.printf(
                Locale.ROOT,
                "day-ahead plan: %d sites x 96 quarter hours x %d jobs, "
                        + "room %.2f x at-arrival peak, %d zones, load average %.2f%n",
                sites,
                jobs,
                room,
                SyntheticFleet.EUROPE.size(),
                load());
        for (Policy p : new Policy[] {Policy.BOTH, Policy.TEMPORAL, Policy.SPATIAL}) {
            ScheduleRequest r =
                    SyntheticFleet.build(
                            42,
                            SyntheticFleet.EUROPE,
                            sites,
                            jobs,
                            SlotGrid.quarterHours(day, 24),
                            16,
                            6,
                            room,
                            ScheduleOptions.of(p));
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                Schedule s = scheduler.plan(r);
                long ms = (System.nanoTime() - t0) / 1_000_000;
                System.out.printf(
                        Locale.ROOT,
                        "%-8s run %d: %6d ms (solver %d ms), objective %.1f, "
                                + "lower bound %.1f, gap %.3f %%, unplaced %d, candidates %d, timedOut %s, "
                                + "load %.2f%n",
                        p,
                        i + 1,
                        ms,
                        s.summary().millis(),
                        s.summary().objective(),
                        s.summary().lowerBound(),
                        100 * s.summary().gap(),
                        s.unplaced().size(),
                        s.summary().candidates(),
                        s.summary().timedOut(),
                        load());
            }
        }
    }

    static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
