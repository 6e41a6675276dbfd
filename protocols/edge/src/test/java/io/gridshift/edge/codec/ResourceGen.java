package io.gridshift.edge.codec;

import io.gridshift.domain.flex.Battery;
import io.gridshift.domain.flex.DeferrableJobs;
import io.gridshift.domain.flex.FlexResource;
import io.gridshift.domain.flex.LossCurve;
import io.gridshift.domain.flex.MigratableJob;
import io.gridshift.domain.flex.MigratableJobs;
import io.gridshift.domain.flex.OnsiteGeneration;
import io.gridshift.domain.flex.PowerCap;
import io.gridshift.domain.flex.ThermalStorage;
import io.gridshift.domain.site.GridZone;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Valid flexibility resources of all six kinds, in lists with unique ids. */
final class ResourceGen {
    static final long MAX_HOLD_S = 48 * 3600;
    static final long MAX_RAMP_S = 2 * 3600;

    private ResourceGen() {}

    /** One to three parts of one to four upper-case letters or digits: {@code US-CAL-CISO}. */
    static GridZone zone(Gen g) {
        List<String> parts = g.list(1, 3, () -> g.chars("ACNSUZ019", g.between(1, 4)));
        return GridZone.of(String.join("-", parts));
    }

    /** Zero to seven resources of any kinds, ids unique within the list. */
    static List<FlexResource> resourceList(Gen g) {
        List<FlexResource> out = new ArrayList<>();
        for (String id : g.distinct(g.between(0, 7), g::id)) {
            out.add(resource(g, id));
        }
        return out;
    }

    /** A resource of any of the six kinds. */
    static FlexResource resource(Gen g, String id) {
        return switch (g.index(6)) {
            case 0 -> new DeferrableJobs(id, g.kw(), hold(g), ramp(g), cost(g), g.number(0, 2));
            case 1 -> powerCap(g, id);
            case 2 ->
                    new Battery(
                            id,
                            g.kw(),
                            g.number(1, 1e8),
                            g.number(0, 100),
                            g.number(0, 100),
                            ramp(g),
                            cost(g));
            case 3 -> new ThermalStorage(id, g.kw(), hold(g), ramp(g), cost(g));
            case 4 -> new MigratableJobs(id, jobs(g), ramp(g));
            default ->
                    new OnsiteGeneration(
                            id,
                            g.kw(),
                            g.orNull(0.4, () -> hold(g)),
                            ramp(g),
                            cost(g),
                            g.number(0, 5));
        };
    }

    /** A cap anywhere from none to the deepest cut its loss curve describes. */
    static PowerCap powerCap(Gen g, String id) {
        LossCurve curve = lossCurve(g);
        return new PowerCap(
                id,
                curve.maxReductionKw() * g.share(),
                g.orNull(0.4, () -> hold(g)),
                ramp(g),
                curve,
                cost(g));
    }

    /** Rising kW from (0, 0), never-falling loss, two to six points. */
    static LossCurve lossCurve(Gen g) {
        List<LossCurve.Point> points = new ArrayList<>();
        points.add(new LossCurve.Point(0, 0));
        double kw = 0;
        double loss = 0;
        for (int i = g.between(1, 5); i > 0; i--) {
            kw += g.number(1, 100_000);
            loss = Math.min(1, loss + g.number(0, 0.4));
            points.add(new LossCurve.Point(kw, loss));
        }
        return new LossCurve(points);
    }

    /** Zero to four jobs with unique ids, each allowed in up to three zones. */
    static List<MigratableJob> jobs(Gen g) {
        List<MigratableJob> out = new ArrayList<>();
        for (String id : g.distinct(g.between(0, 4), g::id)) {
            Set<GridZone> zones = new HashSet<>(g.list(0, 3, () -> zone(g)));
            out.add(
                    new MigratableJob(
                            id,
                            g.kw(),
                            g.number(0, 1e8),
                            g.instant(),
                            g.number(0, MigratableJob.MAX_DATA_GB),
                            zones));
        }
        return out;
    }

    private static Duration hold(Gen g) {
        return g.seconds(MAX_HOLD_S);
    }

    private static Duration ramp(Gen g) {
        return g.seconds(MAX_RAMP_S);
    }

    private static double cost(Gen g) {
        return g.number(0, 1000);
    }
}
