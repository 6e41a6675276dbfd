package io.gridshift.optimizer.bench;

import io.gridshift.optimizer.schedule.DayAheadScheduler;
import io.gridshift.optimizer.schedule.ExactGap;
import io.gridshift.optimizer.schedule.ExactSpec;
import io.gridshift.optimizer.schedule.Policy;
import java.util.List;
import java.util.Locale;

/**
 * The scheduler's true gap on small fleets: each policy on SEEDS seeded fleets of SITES sites ×
 * SLOTS hourly slots × JOBS jobs (room 1.0 × the at-arrival peak, 24 h window) on four days of the
 * 2022 data, planned by the scheduler and solved by CP-SAT within SECONDS on 2 workers. Prints the
 * per-instance table of {@link ExactGap} and, per policy, the mean and largest true gap; an
 * instance CP-SAT does not close counts with the upper end of its gap range. Never fails on a
 * number.
 */
@SuppressWarnings("checkstyle:noPrint")
final class DayAheadExact {
    private static final List<String> DAYS =
            List.of("2022-01-12", "2022-04-20", "2022-07-07", "2022-10-25");

    private DayAheadExact() {}

    static void main(String[] args) {
        int sites = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        int slots = args.length > 1 ? Integer.parseInt(args[1]) : 24;
        int jobs = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        int seeds = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        double seconds = args.length > 4 ? Double.parseDouble(args[4]) : 20;
        DayAheadScheduler scheduler = new DayAheadScheduler();
        System.out.printf(
                Locale.ROOT,
                "exact check: %d sites x %d hourly slots x %d jobs, %d seeds per policy, "
                        + "CP-SAT %.0f s on 2 workers, load average %.2f%n",
                sites,
                slots,
                jobs,
                seeds,
                seconds,
                DayAheadBench.load());
        System.out.println(ExactGap.header());
        for (Policy p : new Policy[] {Policy.BOTH, Policy.TEMPORAL, Policy.SPATIAL}) {
            double sum = 0;
            double max = 0;
            int open = 0;
            for (int seed = 1; seed <= seeds; seed++) {
                String day = DAYS.get((seed - 1) % DAYS.size());
                ExactSpec spec =
                        new ExactSpec(
                                p.name().toLowerCase(Locale.ROOT) + "-" + seed,
                                day,
                                p,
                                sites,
                                slots,
                                jobs,
                                1.0,
                                24,
                                0,
                                seed);
                ExactGap g = ExactGap.measure(spec.name(), spec.request(), scheduler, seconds, 2);
                System.out.println(g.line());
                double gap = g.exact().optimal() ? g.trueGapLow() : g.trueGapHigh();
                sum += gap;
                max = Math.max(max, gap);
                open += g.exact().optimal() ? 0 : 1;
            }
            System.out.printf(
                    Locale.ROOT,
                    "%-8s true gap mean %.3f %%, max %.3f %%, %d of %d not closed by CP-SAT%n",
                    p,
                    100 * sum / seeds,
                    100 * max,
                    open,
                    seeds);
        }
    }
}
