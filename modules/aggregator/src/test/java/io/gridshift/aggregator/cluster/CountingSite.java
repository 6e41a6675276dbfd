package io.gridshift.aggregator.cluster;

import io.gridshift.agent.site.SiteAdapter;
import io.gridshift.agent.site.SiteReading;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.flex.FlexEnvelope;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A simulated site that counts how often each order revision is applied to it: what the site itself
 * would see if an order were carried out twice.
 */
final class CountingSite implements SiteAdapter {
    private final SiteAdapter site;
    final Map<String, AtomicInteger> applied = new ConcurrentHashMap<>();

    CountingSite(SiteAdapter site) {
        this.site = site;
    }

    @Override
    public SiteReading read(Instant now) {
        return site.read(now);
    }

    @Override
    public FlexEnvelope envelope(Instant now, Duration validity) {
        return site.envelope(now, validity);
    }

    @Override
    public Optional<String> check(DispatchOrder order, Instant now) {
        return site.check(order, now);
    }

    @Override
    public void apply(DispatchOrder order, Instant now) {
        site.apply(order, now);
        applied.computeIfAbsent(order.id() + "#" + order.revision(), k -> new AtomicInteger())
                .incrementAndGet();
    }

    @Override
    public void revert(DispatchOrder order, Instant now) {
        site.revert(order, now);
    }

    @Override
    public double achievedKw(DispatchOrder order, Instant now) {
        return site.achievedKw(order, now);
    }
}
