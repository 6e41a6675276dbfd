package io.gridshift.optimizer;

import io.gridshift.domain.dispatch.DispatchAction;
import io.gridshift.domain.site.SiteId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer to an {@link AllocationRequest}.
 *
 * @param resources every resource with a reduction in some interval
 * @param zones the outcome per targeted zone
 * @param cost total cost of the reductions (currency)
 * @param report which method answered, its status, gap and fallback
 */
public record Allocation(
        List<ResourceAllocation> resources,
        List<ZoneResult> zones,
        double cost,
        SolverReport report) {
    public Allocation {
        resources = List.copyOf(resources);
        zones = List.copyOf(zones);
    }

    /**
     * The rows grouped by site, in allocation order: what an orchestrator walks to build one order
     * per site (each row's {@link ResourceAllocation#action(int)} per interval).
     */
    public Map<SiteId, List<ResourceAllocation>> bySite() {
        Map<SiteId, List<ResourceAllocation>> out = new LinkedHashMap<>();
        for (ResourceAllocation r : resources) {
            out.computeIfAbsent(r.site(), s -> new ArrayList<>()).add(r);
        }
        return out;
    }

    /**
     * The actions to order from {@code site} during interval {@code t}; empty when none. Scans
     * every row: for a whole fleet use {@link #bySite()}.
     */
    public List<DispatchAction> actions(SiteId site, int t) {
        List<DispatchAction> out = new ArrayList<>();
        for (ResourceAllocation r : resources) {
            if (r.site().equals(site)) {
                r.action(t).ifPresent(out::add);
            }
        }
        return out;
    }

    /** Total reduction allocated to {@code site} in interval {@code t}. */
    public double siteKw(SiteId site, int t) {
        double kw = 0;
        for (ResourceAllocation r : resources) {
            if (r.site().equals(site)) {
                kw += r.kw().get(t);
            }
        }
        return kw;
    }
}
