package io.gridshift.aggregator.fleet;

import io.gridshift.domain.flex.ResourceKind;
import java.util.Arrays;

/**
 * What one site adds to the fleet totals at a moment: its load while it reports, and the
 * flexibility of its envelope while that is valid. The fleet totals change by the difference
 * between a site's old and new contribution, so that no request ever sums over all sites.
 *
 * @param online whether the site counts as online
 * @param zone the site's grid zone; {@code null} before its first envelope
 * @param loadKw facility load of its latest reading
 * @param itKw IT load of its latest reading
 * @param hostingKw capacity it offers to migrated jobs
 * @param flexKw reduction available per {@link ResourceKind}, by ordinal
 */
public record Contribution(
        boolean online,
        String zone,
        double loadKw,
        double itKw,
        double hostingKw,
        double[] flexKw) {
    static final int KINDS = ResourceKind.values().length;

    /** A site that adds nothing. */
    public static final Contribution NONE =
            new Contribution(false, null, 0, 0, 0, new double[KINDS]);

    public Contribution {
        flexKw = flexKw.clone();
    }

    /** The reduction available in total, over every kind. */
    public double flexTotalKw() {
        double kw = 0;
        for (double v : flexKw) {
            kw += v;
        }
        return kw;
    }

    double flex(ResourceKind kind) {
        return flexKw[kind.ordinal()];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Contribution c
                && online == c.online
                && java.util.Objects.equals(zone, c.zone)
                && loadKw == c.loadKw
                && itKw == c.itKw
                && hostingKw == c.hostingKw
                && Arrays.equals(flexKw, c.flexKw);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(online, zone, loadKw, itKw, hostingKw)
                + 31 * Arrays.hashCode(flexKw);
    }

    @Override
    public String toString() {
        return "Contribution[online=%s, zone=%s, loadKw=%s, flexKw=%s]"
                .formatted(online, zone, loadKw, Arrays.toString(flexKw));
    }
}
