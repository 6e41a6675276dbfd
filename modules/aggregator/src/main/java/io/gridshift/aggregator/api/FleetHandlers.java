package io.gridshift.aggregator.api;

import io.gridshift.aggregator.fleet.FleetState;
import io.gridshift.aggregator.fleet.Presence;
import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.site.SiteId;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** {@code /api/v1/fleet} and {@code /api/v1/sites...}: what the fleet state knows. */
final class FleetHandlers {
    /** The telemetry window served when the request names no {@code since}. */
    static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);

    static final int DEFAULT_LIMIT = 100;

    private final FleetState fleet;
    private final Clock clock;
    private final Context context;

    FleetHandlers(FleetState fleet, Clock clock, Context context) {
        this.fleet = fleet;
        this.clock = clock;
        this.context = context;
    }

    void fleet(RoutingContext ctx) {
        Requests.reply(
                ctx, Future.fromCompletionStage(fleet.summary(), context).map(ApiJson::fleet));
    }

    void sites(RoutingContext ctx) {
        String presence = Requests.query(ctx, "presence");
        String zone = Requests.query(ctx, "zone");
        int offset = Requests.queryInt(ctx, "offset", 0);
        int limit = Requests.queryInt(ctx, "limit", DEFAULT_LIMIT);
        Presence wanted = presence == null ? null : Presence.valueOf(presence);
        Requests.reply(
                ctx,
                context.owner()
                        .executeBlocking(() -> fleet.sites(wanted, zone, offset, limit), false)
                        .map(page -> ApiJson.sitePage(page, offset, limit)));
    }

    void site(RoutingContext ctx) {
        SiteId site = SiteId.of(Requests.path(ctx, "siteId"));
        Requests.reply(
                ctx,
                Future.fromCompletionStage(fleet.site(site), context)
                        .map(v -> ApiJson.site(v.orElseThrow(() -> unknown(site)))));
    }

    void telemetry(RoutingContext ctx) {
        SiteId site = SiteId.of(Requests.path(ctx, "siteId"));
        String sinceText = Requests.query(ctx, "since");
        Instant since =
                sinceText == null
                        ? clock.instant().minus(DEFAULT_WINDOW)
                        : Requests.instant("since", sinceText);
        Requests.reply(
                ctx,
                Future.fromCompletionStage(fleet.recentTelemetry(site, since), context)
                        .map(
                                samples ->
                                        ApiJson.telemetry(
                                                site.value(),
                                                since,
                                                samples.orElseThrow(() -> unknown(site)))));
    }

    static GridshiftException unknown(SiteId site) {
        return new GridshiftException(
                ErrorKind.NOT_FOUND,
                "unknown_site",
                "siteId: site " + site + " has never reported to this aggregator");
    }
}
