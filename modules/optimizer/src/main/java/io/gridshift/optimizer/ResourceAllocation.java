package io.gridshift.optimizer;

import io.gridshift.domain.flex.ResourceKind;
import io.gridshift.domain.site.SiteId;
import java.util.List;

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
}
