package io.gridshift.optimizer.bench;

import io.gridshift.domain.flex.Battery;
import io.gridshift.domain.flex.DeferrableJobs;
import io.gridshift.domain.flex.FlexEnvelope;
import io.gridshift.domain.flex.FlexResource;
import io.gridshift.domain.flex.LossCurve;
import io.gridshift.domain.flex.MigratableJob;
import io.gridshift.domain.flex.MigratableJobs;
import io.gridshift.domain.flex.OnsiteGeneration;
import io.gridshift.domain.flex.PowerCap;
import io.gridshift.domain.flex.ThermalStorage;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import io.gridshift.optimizer.DeliveryHistory;
import io.gridshift.optimizer.FleetSite;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A fleet with varied costs from a fixed seed: every site has the six kinds of resource, with costs
 * spread over two orders of magnitude, batteries and thermal stores short enough that their energy
 * binds over a two-hour event, and delivery histories of mixed quality.
 */
public final class RandomFleet {
    private final Random rnd;
    private final Instant now;
    private final int zones;

    public RandomFleet(long seed, Instant now, int zones) {
        this.rnd = new Random(seed);
        this.now = now;
        this.zones = zones;
    }

    public static GridZone zone(int z) {
        return GridZone.of("Z" + z);
    }

    public List<FleetSite> sites(int n) {
        List<FleetSite> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(site(i));
        }
        return out;
    }

    private FleetSite site(int i) {
        double baseline = 500 + rnd.nextDouble() * 4_500;
        double scale = baseline / 2_000;
        List<FlexResource> rs = new ArrayList<>();
        rs.add(
                new DeferrableJobs(
                        "batch",
                        scale * (50 + rnd.nextDouble() * 250),
                        Duration.ofMinutes(30 + rnd.nextInt(240)),
                        Duration.ofMinutes(rnd.nextInt(10)),
                        0.02 + rnd.nextDouble() * 0.3,
                        0.8 + rnd.nextDouble() * 0.4));
        double capKw = scale * (50 + rnd.nextDouble() * 300);
        double bend = 0.1 + rnd.nextDouble() * 0.5;
        rs.add(
                new PowerCap(
                        "gpu-cap",
                        capKw,
                        null,
                        Duration.ofSeconds(5),
                        new LossCurve(
                                List.of(
                                        new LossCurve.Point(0, 0),
                                        new LossCurve.Point(capKw / 2, bend / 2),
                                        new LossCurve.Point(capKw, 1))),
                        0.5 + rnd.nextDouble() * 3));
        double bat = scale * (100 + rnd.nextDouble() * 400);
        rs.add(
                new Battery(
                        "ups",
                        bat,
                        bat * (0.5 + rnd.nextDouble()),
                        60 + rnd.nextDouble() * 40,
                        40 + rnd.nextDouble() * 10,
                        Duration.ofSeconds(1),
                        0.05 + rnd.nextDouble() * 0.15));
        rs.add(
                new ThermalStorage(
                        "chw",
                        scale * (50 + rnd.nextDouble() * 200),
                        Duration.ofMinutes(20 + rnd.nextInt(60)),
                        Duration.ofMinutes(rnd.nextInt(5)),
                        0.01 + rnd.nextDouble() * 0.1));
        rs.add(jobs());
        rs.add(
                new OnsiteGeneration(
                        "genset",
                        scale * (200 + rnd.nextDouble() * 800),
                        Duration.ofHours(4),
                        Duration.ofMinutes(5 + rnd.nextInt(10)),
                        0.25 + rnd.nextDouble() * 0.25,
                        0.7 + rnd.nextDouble() * 0.3));
        return new FleetSite(
                new FlexEnvelope(
                        SiteId.of("dc-" + i),
                        now.minusSeconds(30),
                        now.plus(Duration.ofHours(6)),
                        zone(i % zones),
                        baseline,
                        rnd.nextDouble() < 0.5 ? scale * rnd.nextDouble() * 400 : 0,
                        rs),
                history());
    }

    private MigratableJobs jobs() {
        List<MigratableJob> jobs = new ArrayList<>();
        int n = rnd.nextInt(4);
        for (int j = 0; j < n; j++) {
            double kw = 5 + rnd.nextDouble() * 60;
            jobs.add(
                    new MigratableJob(
                            "job-" + j,
                            kw,
                            kw * (1 + rnd.nextDouble() * 6),
                            now.plus(Duration.ofHours(2 + rnd.nextInt(20))),
                            rnd.nextDouble() * 500,
                            rnd.nextDouble() < 0.2 ? Set.of(zone(rnd.nextInt(zones))) : Set.of()));
        }
        return new MigratableJobs("mig", jobs, Duration.ofMinutes(2));
    }

    private DeliveryHistory history() {
        double mean = 0.75 + rnd.nextDouble() * 0.25;
        List<Double> r = new ArrayList<>();
        int n = rnd.nextInt(40);
        for (int k = 0; k < n; k++) {
            r.add(Math.max(0, Math.min(1.2, mean + rnd.nextGaussian() * 0.08)));
        }
        return new DeliveryHistory(r);
    }
}
