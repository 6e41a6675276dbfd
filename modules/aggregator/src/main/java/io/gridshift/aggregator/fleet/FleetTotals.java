package io.gridshift.aggregator.fleet;

import io.gridshift.domain.flex.ResourceKind;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * The totals of the sites one member owns, moved by the difference each change makes to a site's
 * contribution. Entry processors on several partition threads update it at once, hence adders. Each
 * instance has a random generation: a site counted under another generation (before a migration, or
 * on another member) is counted afresh.
 */
final class FleetTotals {
    private final long generation;
    private final LongAdder known = new LongAdder();
    private final LongAdder online = new LongAdder();
    private final DoubleAdder loadKw = new DoubleAdder();
    private final DoubleAdder itKw = new DoubleAdder();
    private final DoubleAdder hostingKw = new DoubleAdder();
    private final DoubleAdder[] flexKw = new DoubleAdder[Contribution.KINDS];
    private final Map<String, Zone> zones = new ConcurrentHashMap<>();

    FleetTotals(long generation) {
        this.generation = generation;
        for (int i = 0; i < flexKw.length; i++) {
            flexKw[i] = new DoubleAdder();
        }
    }

    long generation() {
        return generation;
    }

    void addKnown(int n) {
        known.add(n);
    }

    /** Moves the totals from {@code before} to {@code after} for one site. */
    void move(Contribution before, Contribution after) {
        if (before.equals(after)) {
            return;
        }
        add(before, -1);
        add(after, 1);
    }

    private void add(Contribution c, int sign) {
        if (!c.online()) {
            return;
        }
        online.add(sign);
        loadKw.add(sign * c.loadKw());
        itKw.add(sign * c.itKw());
        hostingKw.add(sign * c.hostingKw());
        double flex = 0;
        for (int i = 0; i < flexKw.length; i++) {
            if (c.flexKw()[i] != 0) {
                flexKw[i].add(sign * c.flexKw()[i]);
                flex += c.flexKw()[i];
            }
        }
        if (c.zone() != null) {
            Zone z = zones.computeIfAbsent(c.zone(), k -> new Zone());
            z.online.add(sign);
            z.loadKw.add(sign * c.loadKw());
            z.flexKw.add(sign * flex);
            z.hostingKw.add(sign * c.hostingKw());
        }
    }

    FleetSummary summary() {
        Map<ResourceKind, Double> kinds = new EnumMap<>(ResourceKind.class);
        for (ResourceKind k : ResourceKind.values()) {
            kinds.put(k, clean(flexKw[k.ordinal()].sum()));
        }
        Map<String, FleetSummary.ZoneSummary> z = new TreeMap<>();
        zones.forEach(
                (code, zone) -> {
                    long n = zone.online.sum();
                    if (n > 0) {
                        z.put(
                                code,
                                new FleetSummary.ZoneSummary(
                                        n,
                                        clean(zone.loadKw.sum()),
                                        clean(zone.flexKw.sum()),
                                        clean(zone.hostingKw.sum())));
                    }
                });
        return new FleetSummary(
                known.sum(),
                online.sum(),
                clean(loadKw.sum()),
                clean(itKw.sum()),
                clean(hostingKw.sum()),
                kinds,
                z);
    }

    /** Sums of many signed doubles leave residues such as 1e-12 where the truth is 0. */
    private static double clean(double kw) {
        return Math.abs(kw) < 1e-6 ? 0.0 : kw;
    }

    private static final class Zone {
        final LongAdder online = new LongAdder();
        final DoubleAdder loadKw = new DoubleAdder();
        final DoubleAdder flexKw = new DoubleAdder();
        final DoubleAdder hostingKw = new DoubleAdder();
    }
}
