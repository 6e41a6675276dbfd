package io.gridshift.agent;

import io.gridshift.agent.site.SiteAdapter;
import io.gridshift.agent.site.SiteReading;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.flex.FlexEnvelope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Passes everything to a real adapter and records each apply and revert, in order. */
final class CountingAdapter implements SiteAdapter {
    final List<String> calls = new CopyOnWriteArrayList<>();
    private final SiteAdapter site;

    CountingAdapter(SiteAdapter site) {
        this.site = site;
    }

    long applies(DispatchOrder order) {
        return calls.stream().filter(c -> c.equals("apply " + key(order))).count();
    }

    /** Whether the last call for this order was a revert (or there was none). */
    boolean isReverted(DispatchOrder order) {
        for (int i = calls.size() - 1; i >= 0; i--) {
            if (calls.get(i).endsWith(key(order))) {
                return calls.get(i).startsWith("revert");
            }
        }
        return true;
    }

    private static String key(DispatchOrder order) {
        return order.id() + "#" + order.revision();
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
        calls.add("apply " + key(order));
    }

    @Override
    public void revert(DispatchOrder order, Instant now) {
        site.revert(order, now);
        calls.add("revert " + key(order));
    }

    @Override
    public double achievedKw(DispatchOrder order, Instant now) {
        return site.achievedKw(order, now);
    }
}
