package io.gridshift.agent.site;

import io.gridshift.domain.config.Option;
import io.gridshift.domain.config.Settings;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import java.time.Instant;
import java.util.List;

/**
 * Makes one kind of site adapter from the agent's configuration. Implementations are found with
 * {@link java.util.ServiceLoader} (listed in {@code
 * META-INF/services/io.gridshift.agent.site.SiteAdapterFactory}), so that an adapter with heavy
 * dependencies (the Kubernetes one and its fabric8 client) lives in its own jar and the agent does
 * not depend on it: putting the jar on the class path and naming the adapter in {@code adapters} is
 * enough.
 */
public interface SiteAdapterFactory {

    /** The name used in the {@code adapters} option, lower case, e.g. {@code gpu}. */
    String name();

    /** The options this adapter reads; they join the agent's option table. */
    List<Option<?>> options();

    /**
     * A new adapter for the site. Reads its options from {@code settings} (a bad one fails with an
     * {@link io.gridshift.domain.error.InvalidFieldException} naming it); does not act on the site.
     *
     * @param start the agent's "now" at start-up, for adapters that keep their own time (the
     *     simulator)
     */
    SiteAdapter create(Settings settings, SiteId site, GridZone zone, Instant start);
}
