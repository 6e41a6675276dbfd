package io.gridshift.agent.sim;

import io.gridshift.agent.site.SiteAdapter;
import io.gridshift.agent.site.SiteAdapterFactory;
import io.gridshift.domain.config.Option;
import io.gridshift.domain.config.Parsers;
import io.gridshift.domain.config.Settings;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import java.time.Instant;
import java.util.List;

/** {@code adapters=simulated}: the {@link SimulatedDataCenter}, a typical site for a seed. */
public final class SimulatedSiteFactory implements SiteAdapterFactory {
    public static final String NAME = "simulated";

    public static final Option<Long> SEED =
            Option.of(
                    "sim.seed",
                    "1",
                    Parsers.integer(Long.MIN_VALUE, Long.MAX_VALUE),
                    "Seed of the simulated data center.");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Option<?>> options() {
        return List.of(SEED);
    }

    @Override
    public SiteAdapter create(Settings settings, SiteId site, GridZone zone, Instant start) {
        return new SimulatedDataCenter(
                SimulatedSiteOptions.typical(site, zone, settings.get(SEED)), start);
    }
}
