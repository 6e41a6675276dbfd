package io.gridshift.domain.site;

import io.gridshift.domain.Check;
import java.time.Instant;

/**
 * Whether a site's agent is connected. Published retained on MQTT; the broker publishes the agent's
 * will ({@link Availability#OFFLINE}) when the connection drops.
 *
 * @param site the site
 * @param availability online or offline
 * @param ts when the agent (or its will) said so
 * @param agentVersion the agent's version, if it said
 */
public record SiteStatus(SiteId site, Availability availability, Instant ts, String agentVersion) {
    public SiteStatus {
        Check.required("site", site);
        Check.required("availability", availability);
        Check.required("ts", ts);
        Check.text("agentVersion", agentVersion);
    }

    /** Whether an agent is connected. */
    public enum Availability {
        ONLINE,
        OFFLINE
    }
}
