package io.gridshift.storage.ledger;

import io.gridshift.domain.Check;
import io.gridshift.domain.event.EventId;
import io.gridshift.domain.site.SiteId;
import java.time.Instant;

/**
 * What the aggregator committed a site to for an event: the kW reduction the site will be settled
 * against. The latest bid per event and site counts.
 *
 * @param eventId the event
 * @param site the committed site
 * @param committedKw the committed reduction
 * @param at when the commitment was made
 */
public record Bid(EventId eventId, SiteId site, double committedKw, Instant at) {
    public Bid {
        Check.required("eventId", eventId);
        Check.required("site", site);
        Check.powerKw("committedKw", committedKw);
        Check.required("at", at);
    }
}
