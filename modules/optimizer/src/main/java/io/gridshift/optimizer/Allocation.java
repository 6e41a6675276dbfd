package io.gridshift.optimizer;

import io.gridshift.domain.dispatch.DispatchAction;
import io.gridshift.domain.site.SiteId;
import java.util.ArrayList;
import java.util.List;

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

    /** The actions to order from {@code site} during interval {@code t}; empty when none. */
    public List<DispatchAction> actions(SiteId site, int t) {
        List<DispatchAction> out = new ArrayList<>();
        for (ResourceAllocation r : resources) {
            if (r.site().equals(site) && r.kw().get(t) > 1e-6) {
                out.add(new DispatchAction.Reduce(r.resource(), r.kw().get(t)));
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
