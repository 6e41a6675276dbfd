package io.gridshift.optimizer;

import io.gridshift.domain.Check;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.flex.Battery;
import io.gridshift.domain.flex.DeferrableJobs;
import io.gridshift.domain.flex.FlexEnvelope;
import io.gridshift.domain.flex.FlexResource;
import io.gridshift.domain.flex.ThermalStorage;
import io.gridshift.domain.site.SiteId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rebound: deferred work, re-cooling and recharge come back in steps so that the fleet's load
 * after the event stays at most {@code peakFactor} x its baseline.
 *
 * <p>In each interval after the event the fleet may add {@code (peakFactor - 1) x baseline}; that
 * headroom is shared among the sites still owing energy by water-filling (each gets an equal share,
 * capped by its own {@code maxKw} and by what it still owes; what a capped site leaves goes to the
 * others). The load added therefore never exceeds the headroom, and the peak bound holds by
 * construction.
 */
public final class ReboundPlanner {
    private static final double EPS = 1e-9;

    /**
     * @param returns what each site must take back, unique by site
     * @param baselineKw the fleet's baseline per interval after the event
     * @param interval the length of those intervals
     * @param peakFactor the bound on fleet load over baseline, in [1, 2] (1.1 in the issue)
     */
    public ReboundPlan plan(
            List<SiteReturn> returns,
            List<Double> baselineKw,
            Duration interval,
            double peakFactor) {
        Check.size("returns", returns, 0, AllocationRequest.MAX_SITES);
        Check.size("baselineKw", baselineKw, 1, 10_000);
        Check.duration("interval", interval, Duration.ofHours(24));
        if (interval.isZero()) {
            throw new InvalidFieldException("interval", "range", interval, "must be above PT0S");
        }
        Check.range("peakFactor", peakFactor, 1, 2);
        double h = interval.toMillis() / 3_600_000.0;
        int n = returns.size();
        double[] owed = new double[n];
        Map<SiteId, double[]> perSite = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            SiteReturn r = Check.required("returns[" + i + "]", returns.get(i));
            owed[i] = r.energyKwh();
            if (perSite.put(r.site(), new double[baselineKw.size()]) != null) {
                throw new InvalidFieldException(
                        "returns[" + i + "].site", "unique", r.site(), "must be unique");
            }
        }
        List<Double> fleet = new ArrayList<>();
        double peak = 1;
        int used = 0;
        for (int t = 0; t < baselineKw.size(); t++) {
            double base = Check.powerKw("baselineKw[" + t + "]", baselineKw.get(t));
            double[] give = waterFill(returns, owed, h, (peakFactor - 1) * base);
            double added = 0;
            for (int i = 0; i < n; i++) {
                perSite.get(returns.get(i).site())[t] = give[i];
                owed[i] -= give[i] * h;
                added += give[i];
            }
            fleet.add(base + added);
            if (base > 0) {
                peak = Math.max(peak, (base + added) / base);
            }
            if (added > EPS) {
                used = t + 1;
            }
        }
        Map<SiteId, List<Double>> siteKw = new HashMap<>();
        perSite.forEach((s, kw) -> siteKw.put(s, Arrays.stream(kw).boxed().toList()));
        double unreturned = Arrays.stream(owed).map(v -> Math.max(0, v)).sum();
        return new ReboundPlan(siteKw, fleet, peak, used, unreturned);
    }

    /** Equal shares of {@code headroom}, each capped; a capped site's leftover goes round again. */
    private static double[] waterFill(
            List<SiteReturn> returns, double[] owed, double h, double headroom) {
        int n = owed.length;
        double[] cap = new double[n];
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cap[i] = Math.min(returns.get(i).maxKw(), Math.max(0, owed[i]) / h);
            if (cap[i] > EPS) {
                open.add(i);
            }
        }
        open.sort((a, b) -> Double.compare(cap[a], cap[b]));
        double[] give = new double[n];
        double left = headroom;
        for (int k = 0; k < open.size(); k++) {
            int i = open.get(k);
            double share = left / (open.size() - k);
            give[i] = Math.min(cap[i], share);
            left -= give[i];
        }
        return give;
    }

    /**
     * What each site owes after an allocation: deferred jobs' energy times their rebound factor, a
     * thermal store's energy and a battery's discharge; returned at most as fast as the site shed
     * them.
     */
    public static List<SiteReturn> returnsOf(AllocationRequest request, Allocation allocation) {
        double[] hours = request.horizon().hours();
        Map<SiteId, FlexEnvelope> envelopes = new HashMap<>();
        request.sites().forEach(s -> envelopes.put(s.site(), s.envelope()));
        Map<SiteId, double[]> owed = new LinkedHashMap<>();
        for (ResourceAllocation r : allocation.resources()) {
            FlexResource res = envelopes.get(r.site()).resource(r.resource()).orElseThrow();
            double factor = factor(res);
            if (factor == 0) {
                continue;
            }
            // [0] energy owed, [1 + t] kW shed in interval t by the resources that owe
            double[] o = owed.computeIfAbsent(r.site(), s -> new double[hours.length + 1]);
            for (int t = 0; t < hours.length; t++) {
                o[0] += r.kw().get(t) * hours[t] * factor;
                o[1 + t] += r.kw().get(t);
            }
        }
        List<SiteReturn> out = new ArrayList<>();
        owed.forEach(
                (s, o) ->
                        out.add(
                                new SiteReturn(
                                        s, o[0], Arrays.stream(o, 1, o.length).max().orElse(0))));
        return out;
    }

    /**
     * The energy {@code r} takes back per kWh it shed: a deferrable resource's rebound factor, 1
     * for a thermal store or a battery, 0 for what gives nothing back (a power cap's lost work, a
     * genset, migrations).
     */
    public static double factor(FlexResource r) {
        if (r instanceof DeferrableJobs d) {
            return d.reboundFactor();
        }
        return r instanceof ThermalStorage || r instanceof Battery ? 1 : 0;
    }
}
