package io.gridshift.agent.sim;

import io.gridshift.domain.dispatch.DispatchAction;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Shared sites and orders for the simulator's tests. */
final class SimFixtures {
    static final SiteId SITE = SiteId.of("dc-sim-01");
    static final SiteId OTHER = SiteId.of("dc-nm-02");
    static final GridZone ZONE = GridZone.of("DE");
    static final Instant T0 = Instant.parse("2026-07-01T00:00:00Z");

    private SimFixtures() {}

    static SimulatedSiteOptions typical(long seed) {
        return SimulatedSiteOptions.typical(SITE, ZONE, seed);
    }

    static SimulatedDataCenter site(long seed) {
        return new SimulatedDataCenter(typical(seed), T0);
    }

    static SimulatedDataCenter site(SimulatedSiteOptions options) {
        return new SimulatedDataCenter(options, T0);
    }

    static DispatchOrder order(
            String id, Instant start, Duration length, DispatchAction... actions) {
        return revision(id, 1, start, length, actions);
    }

    static DispatchOrder revision(
            String id, int revision, Instant start, Duration length, DispatchAction... actions) {
        return new DispatchOrder(
                DispatchId.of(id),
                revision,
                null,
                SITE,
                start,
                start,
                start.plus(length),
                List.of(actions));
    }

    static DispatchAction.Reduce reduce(String resource, double kw) {
        return new DispatchAction.Reduce(resource, kw);
    }

    static DispatchAction.MigrateOut migrateOut(String job, double kw) {
        return new DispatchAction.MigrateOut(job, OTHER, kw);
    }

    static DispatchAction.MigrateIn migrateIn(String job, double kw) {
        return new DispatchAction.MigrateIn(job, OTHER, kw);
    }
}
