package io.gridshift.domain.flex;

import io.gridshift.domain.Check;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a site can give right now: its baseline, its resources and the spare capacity it can offer
 * to work migrated from elsewhere. An envelope replaces the site's previous one and expires at
 * {@code validUntil}; an expired envelope offers nothing.
 *
 * @param site the site
 * @param ts when the agent computed it
 * @param validUntil when it expires
 * @param zone the site's grid zone
 * @param baselineKw the facility load expected without any dispatch
 * @param hostingCapacityKw IT load the site could take on from migrated jobs
 * @param resources the site's flexible resources, unique by id
 */
public record FlexEnvelope(
        SiteId site,
        Instant ts,
        Instant validUntil,
        GridZone zone,
        double baselineKw,
        double hostingCapacityKw,
        List<FlexResource> resources) {
    public FlexEnvelope {
        Check.required("site", site);
        Check.required("ts", ts);
        Check.required("validUntil", validUntil);
        Check.after("validUntil", validUntil, "ts", ts);
        Check.required("zone", zone);
        Check.powerKw("baselineKw", baselineKw);
        Check.powerKw("hostingCapacityKw", hostingCapacityKw);
        resources = List.copyOf(Check.size("resources", resources, 0, 256));
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < resources.size(); i++) {
            FlexResource r = resources.get(i);
            if (!ids.add(r.id())) {
                throw new InvalidFieldException(
                        "resources[" + i + "].id", "unique", r.id(), "must be unique in the site");
            }
        }
    }

    public boolean isValidAt(Instant now) {
        return !now.isBefore(ts) && now.isBefore(validUntil);
    }

    public Optional<FlexResource> resource(String id) {
        for (FlexResource r : resources) {
            if (r.id().equals(id)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The sum of every resource's reduction now; what the site could shed at most. */
    public double maxReductionKw() {
        double kw = 0;
        for (FlexResource r : resources) {
            kw += r.maxReductionKw();
        }
        return kw;
    }

    /** Reduction per kind, for fleet totals; kinds the site lacks are absent. */
    public Map<ResourceKind, Double> reductionByKind() {
        Map<ResourceKind, Double> byKind = new EnumMap<>(ResourceKind.class);
        for (FlexResource r : resources) {
            byKind.merge(r.kind(), r.maxReductionKw(), Double::sum);
        }
        return byKind;
    }
}
