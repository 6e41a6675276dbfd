package io.gridshift.optimizer.bench;

import io.gridshift.optimizer.Allocation;
import io.gridshift.optimizer.AllocationRequest;
import io.gridshift.optimizer.Allocator;
import io.gridshift.optimizer.Bid;
import io.gridshift.optimizer.BidOptions;
import io.gridshift.optimizer.Bidder;
import io.gridshift.optimizer.FleetSite;
import io.gridshift.optimizer.Horizon;
import io.gridshift.optimizer.ProportionalSplit;
import io.gridshift.optimizer.SolverOptions;
import io.gridshift.optimizer.ZoneTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Prints the optimizer's figures: allocation time for a large fleet (6 resources x 8 intervals per
 * site) by each method, the merit order's gap to the LP, and the least cost next to a proportional
 * split. Arguments: sites of the large fleet (default 10,000), sites of the instance on which the
 * full LP also runs (default 2,000). Never fails on a number.
 */
@SuppressWarnings("checkstyle:noPrint")
public final class OptimizerBench {
    private static final Instant NOW = Instant.parse("2026-07-01T15:00:00Z");
    private static final int ZONES = 4;
    private static final int INTERVALS = 8;

    private OptimizerBench() {}

    public static void main(String[] args) {
        String[] a = String.join(" ", args).trim().split("\\s+");
        int large = a.length > 0 && !a[0].isEmpty() ? Integer.parseInt(a[0]) : 10_000;
        int small = a.length > 1 ? Integer.parseInt(a[1]) : 2_000;
        System.out.printf(
                "cores: %d, java %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        Allocator allocator = new Allocator();
        boolean lpAtLarge = a.length > 2 && Boolean.parseBoolean(a[2]);
        run(allocator, small, 3, true);
        run(allocator, large, 5, lpAtLarge);
    }

    private static void run(Allocator allocator, int n, int reps, boolean fullLp) {
        AllocationRequest req = request(n);
        System.out.printf(
                "%n== %,d sites x 6 resources x %d intervals, %d zones, 40 %% of the"
                        + " fleet's sustainable flexibility asked%n",
                n, INTERVALS, ZONES);
        Allocation merit = timed(allocator, req, SolverOptions.Mode.MERIT_ORDER, 500, 3, reps);
        Allocation auto = timed(allocator, req, SolverOptions.Mode.AUTO, 500, 3, reps);
        Allocation lp =
                fullLp
                        ? timed(
                                allocator,
                                req,
                                SolverOptions.Mode.LP,
                                600_000,
                                n > 5_000 ? 0 : 1,
                                1)
                        : auto;
        Allocation prop = new ProportionalSplit().allocate(req);
        double best = lp.report().fallback() ? Double.NaN : lp.cost();
        System.out.printf(
                "cost: merit order %.1f, %s %.1f, proportional split %.1f%n",
                merit.cost(), lp.report().solver(), lp.cost(), prop.cost());
        System.out.printf(
                "merit-order gap to the LP optimum: %.3f %%%n", 100 * (merit.cost() - best) / best);
        System.out.printf(
                "least cost / proportional split: %.3f (goal <= 0.7)%n", best / prop.cost());
        System.out.printf(
                "merit order / proportional split: %.3f (an upper bound on least cost / split)%n",
                merit.cost() / prop.cost());
        long b0 = System.nanoTime();
        Bid bid =
                new Bidder()
                        .bid(
                                req.sites(),
                                req.horizon(),
                                Set.of(),
                                0.1,
                                0.05,
                                BidOptions.defaults());
        System.out.printf(
                "bid: %d ms, firm %.0f kW of %.0f expected in interval 0 (%.0f available),"
                        + " %d price steps%n",
                (System.nanoTime() - b0) / 1_000_000,
                bid.intervals().get(0).firmKw(),
                bid.intervals().get(0).expectedKw(),
                bid.intervals().get(0).availableKw(),
                bid.intervals().get(0).curve().size());
        System.out.printf(
                "shortfall kWh: merit %.1f, lp %.1f, proportional %.1f%n",
                shortfall(merit, req), shortfall(lp, req), shortfall(prop, req));
    }

    private static Allocation timed(
            Allocator allocator,
            AllocationRequest req,
            SolverOptions.Mode mode,
            long limitMs,
            int warmups,
            int reps) {
        SolverOptions opts = new SolverOptions(mode, Duration.ofMillis(limitMs));
        Allocation a = null;
        List<Long> ms = new ArrayList<>();
        for (int i = 0; i < reps + warmups; i++) {
            long t0 = System.nanoTime();
            a = allocator.allocate(req, opts);
            if (i >= warmups) {
                ms.add((System.nanoTime() - t0) / 1_000_000);
            }
        }
        Collections.sort(ms);
        System.out.printf(
                "%-12s (limit %d ms) median %5d ms (min %d, max %d over %d runs after %d warm-ups);"
                        + " answered by %s %s, fallback %s%n",
                mode,
                limitMs,
                ms.get(ms.size() / 2),
                ms.get(0),
                ms.get(ms.size() - 1),
                ms.size(),
                warmups,
                a.report().solver(),
                a.report().status(),
                a.report().fallback());
        return a;
    }

    private static double shortfall(Allocation a, AllocationRequest req) {
        double kwh = 0;
        double[] h = req.horizon().hours();
        for (var z : a.zones()) {
            for (int t = 0; t < h.length; t++) {
                kwh += z.shortfallKw().get(t) * h[t];
            }
        }
        return kwh;
    }

    /** The benchmark event: each zone asked for 40 % of what its sites can sustain all event. */
    static AllocationRequest request(int n) {
        List<FleetSite> sites = new RandomFleet(42, NOW, ZONES).sites(n);
        Horizon h =
                Horizon.uniform(
                        NOW, NOW.plus(Duration.ofMinutes(15)), INTERVALS, Duration.ofMinutes(15));
        List<ZoneTarget> flat = new ArrayList<>();
        for (int z = 0; z < ZONES; z++) {
            flat.add(new ZoneTarget(RandomFleet.zone(z), Collections.nCopies(INTERVALS, 1e9)));
        }
        AllocationRequest probe = new AllocationRequest(sites, h, flat, 0.1, 0.05);
        Allocation max = new ProportionalSplit().allocate(probe);
        List<ZoneTarget> targets = new ArrayList<>();
        for (var z : max.zones()) {
            double sustain =
                    z.allocatedKw().stream().mapToDouble(Double::doubleValue).min().orElse(0);
            List<Double> kw = new ArrayList<>();
            for (int t = 0; t < INTERVALS; t++) {
                kw.add(sustain * (0.3 + 0.1 * Math.sin(t)));
            }
            targets.add(new ZoneTarget(z.zone(), kw));
        }
        return probe.withTargets(targets);
    }
}
