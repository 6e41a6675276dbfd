package io.gridshift.aggregator.api;

import io.gridshift.aggregator.green.GreenAccountant;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.SiteId;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.time.Instant;

/**
 * The query of {@code GET /api/v1/green}, its patterns already checked by the OpenAPI router;
 * parsed here, with the parameter named where a value passes the pattern but is no time
 * (2026-02-30T00:00:00Z), {@code to} is not after {@code from} or the period is longer than {@link
 * GreenAccountant#MAX_PERIOD}.
 *
 * @param from the first hour (UTC)
 * @param to the end of the last hour
 * @param site one site; null: all
 */
record GreenQuery(Instant from, Instant to, SiteId site) {
    static GreenQuery of(RoutingContext ctx) {
        Instant from = hour("from", Requests.query(ctx, "from"));
        Instant to = hour("to", Requests.query(ctx, "to"));
        if (!to.isAfter(from)) {
            throw new InvalidFieldException("to", "range", to, "must be after from (" + from + ")");
        }
        if (Duration.between(from, to).compareTo(GreenAccountant.MAX_PERIOD) > 0) {
            throw new InvalidFieldException(
                    "to",
                    "range",
                    to,
                    "must be at most " + GreenAccountant.MAX_PERIOD.toDays() + " days after from");
        }
        String site = Requests.query(ctx, "site");
        return new GreenQuery(from, to, site == null ? null : SiteId.of(site));
    }

    private static Instant hour(String field, String text) {
        Instant t = Requests.instant(field, text);
        if (t.getEpochSecond() % 3600 != 0 || t.getNano() != 0) {
            throw new InvalidFieldException(field, "pattern", text, "must be on the hour");
        }
        return t;
    }
}
