package io.gridshift.optimizer;

import io.gridshift.domain.Check;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.flex.Limits;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An event to allocate over the fleet.
 *
 * @param sites the fleet, unique by site; sites outside the targeted zones take no part
 * @param horizon the event's intervals
 * @param targets the reduction per zone and interval, unique by zone, one value per interval
 * @param reserveShare share of every resource's power and energy (and of every site's limit) kept
 *     back for re-dispatch, in [0, 0.9]
 * @param carbonPricePerKg price of a kg of CO2 emitted by onsite generation (currency/kg)
 */
public record AllocationRequest(
        List<FleetSite> sites,
        Horizon horizon,
        List<ZoneTarget> targets,
        double reserveShare,
        double carbonPricePerKg) {
    public static final int MAX_SITES = 100_000;

    public AllocationRequest {
        sites = List.copyOf(Check.size("sites", sites, 0, MAX_SITES));
        Check.required("horizon", horizon);
        targets = List.copyOf(Check.size("targets", targets, 1, 1_000));
        Check.range("reserveShare", reserveShare, 0, 0.9);
        Check.range("carbonPricePerKg", carbonPricePerKg, 0, Limits.MAX_COST_PER_KWH);
        Set<SiteId> seen = new HashSet<>();
        for (int i = 0; i < sites.size(); i++) {
            FleetSite s = Check.required("sites[" + i + "]", sites.get(i));
            if (!seen.add(s.site())) {
                throw new InvalidFieldException(
                        "sites[" + i + "].site", "unique", s.site(), "must be unique in the fleet");
            }
        }
        Set<GridZone> zones = new HashSet<>();
        for (int i = 0; i < targets.size(); i++) {
            ZoneTarget t = Check.required("targets[" + i + "]", targets.get(i));
            if (!zones.add(t.zone())) {
                throw new InvalidFieldException(
                        "targets[" + i + "].zone", "unique", t.zone(), "must be unique");
            }
            if (t.reductionKw().size() != horizon.size()) {
                throw new InvalidFieldException(
                        "targets[" + i + "].reductionKw",
                        "size",
                        t.reductionKw().size(),
                        "must have one value per interval (" + horizon.size() + ")");
            }
        }
    }

    /** The same request with other targets (after migrations took part of them). */
    public AllocationRequest withTargets(List<ZoneTarget> newTargets) {
        return new AllocationRequest(sites, horizon, newTargets, reserveShare, carbonPricePerKg);
    }
}
