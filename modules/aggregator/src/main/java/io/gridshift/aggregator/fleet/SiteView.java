package io.gridshift.aggregator.fleet;

import io.gridshift.domain.flex.FlexEnvelope;
import io.gridshift.domain.meter.Telemetry;
import io.gridshift.domain.site.SiteId;
import java.time.Instant;

/**
 * A site as the fleet state knows it, a snapshot for queries.
 *
 * @param site the site
 * @param presence online, offline or stale
 * @param lastSeen when the aggregator last heard from it (its own clock)
 * @param transport how it reaches the aggregator
 * @param node the node that received its last message (for CoAP, where it observes orders)
 * @param agentVersion what its agent said it runs; {@code null} if it never said
 * @param zone its grid zone, from its envelope; {@code null} before the first one
 * @param latest its newest reading; {@code null} before the first one
 * @param envelope its newest envelope, valid or not; {@code null} before the first one
 * @param quality how its readings arrive
 * @param counted what it adds to the fleet totals now
 */
public record SiteView(
        SiteId site,
        Presence presence,
        Instant lastSeen,
        Transport transport,
        String node,
        String agentVersion,
        String zone,
        Telemetry latest,
        FlexEnvelope envelope,
        DeliveryQuality quality,
        Contribution counted) {}
