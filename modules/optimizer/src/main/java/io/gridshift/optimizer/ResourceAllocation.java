package io.gridshift.optimizer;

import io.gridshift.domain.dispatch.DispatchAction;
import io.gridshift.domain.flex.ResourceKind;
import io.gridshift.domain.site.SiteId;
import java.util.List;
import java.util.Optional;

/**
 * What one resource of one site sheds in each interval of the event.
 *
 * @param site the site
 * @param resource the resource's id in the site's envelope
 * @param kind its kind
 * @param kw reduction per interval
 * @param cost what it costs over the event (currency)
 */
public record ResourceAllocation(
        SiteId site, String resource, ResourceKind kind, List<Double> kw, double cost) {
    public ResourceAllocation {
        kw = List.copyOf(kw);
    }

    /** The order's action for interval {@code t}; empty when nothing is shed then. */
    public Optional<DispatchAction.Reduce> action(int t) {
        double v = kw.get(t);
        return v > 1e-6 ? Optional.of(new DispatchAction.Reduce(resource, v)) : Optional.empty();
    }
}
