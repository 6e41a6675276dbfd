package io.gridshift.aggregator.ven;

import io.gridshift.aggregator.cluster.Stages;
import io.gridshift.aggregator.fleet.FleetSummary;
import io.gridshift.aggregator.fleet.Presence;
import io.gridshift.aggregator.fleet.SiteView;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.event.EventTargets;
import io.gridshift.domain.event.GridEvent;
import io.gridshift.domain.site.SiteId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Which part of the fleet an event's targets address. The venID (in any letter case), or no target
 * at all, addresses the whole fleet; so does a partyID, the VTN having resolved it to this VEN.
 * Group ids are read as the fleet's grid zones and resource ids as site ids: the event then
 * addresses those zones' and sites' load and flexibility only (a site in a targeted zone counted
 * once). An event naming only other VENs addresses no part of it.
 */
final class EventScopes {
    /** Sites looked up one by one for one event, at most. */
    static final int MAX_SITES = 1000;

    private EventScopes() {}

    /**
     * Whether two events' targets may take from the same sites: always when either addresses the
     * whole fleet, when they share a zone or a site, and (to be safe) when one names zones and the
     * other sites, whose zones are not looked up here.
     */
    static boolean mayShare(EventTargets a, EventTargets b, String venId) {
        if (wholeFleet(a, venId) || wholeFleet(b, venId)) {
            return true;
        }
        boolean zonesAndSites =
                (!a.groupIds().isEmpty() && !b.resourceIds().isEmpty())
                        || (!a.resourceIds().isEmpty() && !b.groupIds().isEmpty());
        return zonesAndSites
                || a.groupIds().stream()
                        .anyMatch(g -> b.groupIds().stream().anyMatch(g::equalsIgnoreCase))
                || a.resourceIds().stream().anyMatch(b.resourceIds()::contains);
    }

    private static boolean wholeFleet(EventTargets t, String venId) {
        boolean narrowed = !t.groupIds().isEmpty() || !t.resourceIds().isEmpty();
        return t.venIds().stream().anyMatch(v -> v.equalsIgnoreCase(venId))
                || (!narrowed && t.venIds().isEmpty());
    }

    static CompletionStage<EventScope> scope(
            GridEvent event, String venId, FleetSummary summary, FleetView fleet) {
        EventTargets t = event.targets();
        boolean narrowed = !t.groupIds().isEmpty() || !t.resourceIds().isEmpty();
        if (wholeFleet(t, venId)) {
            return CompletableFuture.completedFuture(
                    EventScope.fleet(summary.loadKw(), summary.flexKw()));
        }
        if (!narrowed) {
            return CompletableFuture.completedFuture(
                    EventScope.notAddressed(
                            "not addressed to this VEN: its targets name VENs "
                                    + new TreeSet<>(t.venIds())
                                    + ", not "
                                    + venId));
        }
        double[] loadAndFlex = new double[2];
        Set<String> zones = new TreeSet<>();
        for (String group : t.groupIds()) {
            for (Map.Entry<String, FleetSummary.ZoneSummary> z : summary.zones().entrySet()) {
                if (z.getKey().equalsIgnoreCase(group)) {
                    zones.add(z.getKey());
                    loadAndFlex[0] += z.getValue().loadKw();
                    loadAndFlex[1] += z.getValue().flexKw();
                }
            }
        }
        List<CompletableFuture<Optional<SiteView>>> sites = new ArrayList<>();
        t.resourceIds().stream()
                .sorted()
                .limit(MAX_SITES)
                .forEach(
                        id -> {
                            try {
                                sites.add(Stages.settled(fleet.site(SiteId.of(id))));
                            } catch (GridshiftException e) {
                                // not a site id: no site of the fleet
                            }
                        });
        return CompletableFuture.allOf(sites.toArray(new CompletableFuture[0]))
                .thenApply(
                        x -> {
                            Set<String> found = new TreeSet<>();
                            Set<String> unavailable = new TreeSet<>(t.resourceIds());
                            for (CompletableFuture<Optional<SiteView>> f : sites) {
                                f.join()
                                        .ifPresent(
                                                v -> {
                                                    found.add(v.site().value());
                                                    if (v.presence() == Presence.ONLINE
                                                            && v.counted().flexTotalKw() > 0) {
                                                        unavailable.remove(v.site().value());
                                                    }
                                                    boolean inZone =
                                                            v.zone() != null
                                                                    && zones.contains(v.zone());
                                                    if (v.presence() == Presence.ONLINE
                                                            && !inZone) {
                                                        loadAndFlex[0] += v.counted().loadKw();
                                                        loadAndFlex[1] += v.counted().flexTotalKw();
                                                    }
                                                });
                            }
                            String what =
                                    (zones.isEmpty() ? "" : "zones " + zones)
                                            + (zones.isEmpty() || found.isEmpty() ? "" : " and ")
                                            + (found.isEmpty() ? "" : "sites " + found);
                            if (what.isEmpty()) {
                                return EventScope.notAddressed(
                                        "none of the zones "
                                                + new TreeSet<>(t.groupIds())
                                                + " or sites "
                                                + new TreeSet<>(t.resourceIds())
                                                + " the event targets is in the fleet");
                            }
                            return new EventScope(
                                    true, what, loadAndFlex[0], loadAndFlex[1], unavailable);
                        });
    }
}
