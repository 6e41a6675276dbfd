package io.gridshift.aggregator.fleet;

import io.gridshift.domain.flex.ResourceKind;
import java.io.Serializable;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fleet's totals: what the sites report now and what they could shed. Each member keeps the
 * totals of the sites it owns; the fleet's are the sum over members.
 *
 * @param sitesKnown sites that ever reported
 * @param sitesOnline sites reporting now
 * @param loadKw facility load of the sites online
 * @param itKw their IT load
 * @param hostingKw capacity they offer to migrated jobs (valid envelopes only)
 * @param flexByKind reduction available now, per resource kind (valid envelopes only)
 * @param zones the same per grid zone
 */
public record FleetSummary(
        long sitesKnown,
        long sitesOnline,
        double loadKw,
        double itKw,
        double hostingKw,
        Map<ResourceKind, Double> flexByKind,
        Map<String, ZoneSummary> zones)
        implements Serializable {

    public FleetSummary {
        flexByKind = Map.copyOf(flexByKind);
        zones = Map.copyOf(zones);
    }

    public static final FleetSummary EMPTY = new FleetSummary(0, 0, 0, 0, 0, Map.of(), Map.of());

    /** Reduction available now over every kind. */
    public double flexKw() {
        return flexByKind.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** This and {@code other} together (the totals of two members). */
    public FleetSummary plus(FleetSummary other) {
        Map<ResourceKind, Double> kinds = new EnumMap<>(ResourceKind.class);
        kinds.putAll(flexByKind);
        other.flexByKind.forEach((k, v) -> kinds.merge(k, v, Double::sum));
        Map<String, ZoneSummary> z = new TreeMap<>(zones);
        other.zones.forEach((k, v) -> z.merge(k, v, ZoneSummary::plus));
        return new FleetSummary(
                sitesKnown + other.sitesKnown,
                sitesOnline + other.sitesOnline,
                loadKw + other.loadKw,
                itKw + other.itKw,
                hostingKw + other.hostingKw,
                kinds,
                z);
    }

    /**
     * One grid zone's share.
     *
     * @param sitesOnline sites online in the zone
     * @param loadKw their facility load
     * @param flexKw their reduction available now, every kind together
     * @param hostingKw capacity they offer to migrated jobs
     */
    public record ZoneSummary(long sitesOnline, double loadKw, double flexKw, double hostingKw)
            implements Serializable {
        public ZoneSummary plus(ZoneSummary o) {
            return new ZoneSummary(
                    sitesOnline + o.sitesOnline,
                    loadKw + o.loadKw,
                    flexKw + o.flexKw,
                    hostingKw + o.hostingKw);
        }
    }
}
