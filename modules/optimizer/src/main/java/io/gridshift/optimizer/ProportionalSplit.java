package io.gridshift.optimizer;

/**
 * The yardstick the least-cost allocation is measured against: every site of a zone cuts the same
 * share of what it can sustain, and spreads its cut over its resources in proportion to theirs.
 * What a resource can sustain is its power in the interval, capped so that its energy lasts the
 * whole event ({@code energy / event hours}); a site's is the sum, capped by its limit.
 */
public final class ProportionalSplit {

    public Allocation allocate(AllocationRequest request) {
        long t0 = System.nanoTime();
        Problem p = new Problem(request);
        double eventHours = 0;
        for (double h : p.hours) {
            eventHours += h;
        }
        double[][] x = new double[p.blocks][p.intervals];
        double[][] shortfall = new double[p.zones.size()][p.intervals];
        for (int t = 0; t < p.intervals; t++) {
            double[] blockKw = new double[p.blocks];
            double[] siteRaw = new double[p.siteLimitKw.length];
            for (int b = 0; b < p.blocks; b++) {
                blockKw[b] = Math.min(p.cap[b][t], p.energyKwh[b] / eventHours);
                siteRaw[p.blockSite[b]] += blockKw[b];
            }
            double[] zoneKw = new double[p.zones.size()];
            for (int s = 0; s < siteRaw.length; s++) {
                zoneKw[p.zoneOfSite.get(s)] += Math.min(siteRaw[s], p.siteLimitKw[s]);
            }
            for (int b = 0; b < p.blocks; b++) {
                int s = p.blockSite[b];
                int z = p.blockZone[b];
                double share = zoneKw[z] > 0 ? Math.min(1, p.target[z][t] / zoneKw[z]) : 0;
                double siteScale =
                        siteRaw[s] > p.siteLimitKw[s] ? p.siteLimitKw[s] / siteRaw[s] : 1;
                x[b][t] = blockKw[b] * siteScale * share;
            }
            for (int z = 0; z < zoneKw.length; z++) {
                shortfall[z][t] = Math.max(0, p.target[z][t] - zoneKw[z]);
            }
        }
        Solution s = new Solution(x, shortfall, false, "FEASIBLE");
        SolverReport report =
                new SolverReport(
                        "PROPORTIONAL",
                        "FEASIBLE",
                        Double.NaN,
                        false,
                        null,
                        (System.nanoTime() - t0) / 1_000_000);
        return Allocator.build(p, s, report);
    }
}
