package io.gridshift.optimizer;

import io.gridshift.domain.flex.Battery;
import io.gridshift.domain.flex.FlexEnvelope;
import io.gridshift.domain.flex.FlexResource;
import io.gridshift.domain.flex.MigratableJobs;
import io.gridshift.domain.flex.ResourceKind;
import io.gridshift.domain.site.GridZone;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An allocation as flat arrays, shared by the LP and the merit order. A block is one resource of
 * one site in a targeted zone; its reduction in interval {@code t} lies in [0, {@code cap[b][t]}],
 * its energy over the event is at most {@code energyKwh[b]}, and the blocks of a site together shed
 * at most {@code siteLimitKw[s]} in any interval. Everything here is already net of the reserve.
 */
final class Problem {
    final AllocationRequest request;
    final int intervals;
    final double[] hours;
    final List<GridZone> zones;
    final double[][] target;
    final List<Integer> siteOf = new ArrayList<>();
    final List<Integer> zoneOfSite = new ArrayList<>();
    final double[] siteLimitKw;
    final int blocks;
    final int[] blockSite;
    final int[] blockZone;
    final FlexResource[] resource;
    final double[][] cap;
    final double[] energyKwh;
    final CostCurve[] curve;

    Problem(AllocationRequest request) {
        this.request = request;
        Horizon h = request.horizon();
        intervals = h.size();
        hours = h.hours();
        zones = new ArrayList<>();
        Map<GridZone, Integer> zoneIndex = new HashMap<>();
        target = new double[request.targets().size()][];
        for (ZoneTarget zt : request.targets()) {
            zoneIndex.put(zt.zone(), zones.size());
            target[zones.size()] =
                    zt.reductionKw().stream().mapToDouble(Double::doubleValue).toArray();
            zones.add(zt.zone());
        }
        double keep = 1 - request.reserveShare();
        List<double[]> caps = new ArrayList<>();
        List<Double> energies = new ArrayList<>();
        List<CostCurve> curves = new ArrayList<>();
        List<FlexResource> resources = new ArrayList<>();
        List<int[]> owners = new ArrayList<>();
        List<Double> limits = new ArrayList<>();
        for (int i = 0; i < request.sites().size(); i++) {
            FlexEnvelope env = request.sites().get(i).envelope();
            Integer z = zoneIndex.get(env.zone());
            if (z == null || !env.isValidAt(h.now())) {
                continue;
            }
            int s = siteOf.size();
            siteOf.add(i);
            zoneOfSite.add(z);
            limits.add(env.baselineKw() * keep);
            for (FlexResource r : env.resources()) {
                if (r instanceof MigratableJobs || r.maxReductionKw() <= 0) {
                    continue;
                }
                CostCurve c = CostCurve.of(r, request.carbonPricePerKg());
                double[] ready = h.readiness(r.ramp());
                double kw = Math.min(r.maxReductionKw(), c.maxKw()) * keep;
                for (int t = 0; t < ready.length; t++) {
                    ready[t] *= kw;
                }
                caps.add(ready);
                energies.add(energyBudget(r) * keep);
                curves.add(c);
                resources.add(r);
                owners.add(new int[] {s, z});
            }
        }
        siteLimitKw = limits.stream().mapToDouble(Double::doubleValue).toArray();
        blocks = caps.size();
        cap = caps.toArray(new double[0][]);
        energyKwh = energies.stream().mapToDouble(Double::doubleValue).toArray();
        curve = curves.toArray(new CostCurve[0]);
        resource = resources.toArray(new FlexResource[0]);
        blockSite = owners.stream().mapToInt(o -> o[0]).toArray();
        blockZone = owners.stream().mapToInt(o -> o[1]).toArray();
    }

    /**
     * The energy a resource may shed over the event: a battery's charge above its floor; for the
     * others their power held for their longest duration (deferred jobs: until the first deadline
     * is at risk; thermal: until the store is spent; a genset: its permitted run time).
     */
    static double energyBudget(FlexResource r) {
        if (r instanceof Battery b) {
            return b.availableKwh();
        }
        Duration d = r.maxDuration();
        return d == null
                ? Double.POSITIVE_INFINITY
                : r.maxReductionKw() * d.toMillis() / 3_600_000.0;
    }

    ResourceKind kind(int b) {
        return resource[b].kind();
    }

    /** What {@code x[b][t]} costs in all, in currency. */
    double cost(double[][] x) {
        double total = 0;
        for (int b = 0; b < blocks; b++) {
            for (int t = 0; t < intervals; t++) {
                if (x[b][t] > 0) {
                    total += curve[b].costPerHour(x[b][t]) * hours[t];
                }
            }
        }
        return total;
    }
}
