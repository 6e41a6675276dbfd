package io.gridshift.aggregator.api;

import io.gridshift.aggregator.dispatch.DispatchService;
import io.gridshift.aggregator.dispatch.DispatchState;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.site.SiteId;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;

/** {@code /api/v1/dispatches...}: the orders, and the operators' manual ones. */
final class DispatchHandlers {
    static final String BASE = "/api/v1/dispatches/";

    private final DispatchService dispatch;
    private final Clock clock;
    private final Context context;

    DispatchHandlers(DispatchService dispatch, Clock clock, Context context) {
        this.dispatch = dispatch;
        this.clock = clock;
        this.context = context;
    }

    void list(RoutingContext ctx) {
        String siteText = Requests.query(ctx, "site");
        String stateText = Requests.query(ctx, "state");
        SiteId site = siteText == null ? null : SiteId.of(siteText);
        DispatchState state = stateText == null ? null : DispatchState.valueOf(stateText);
        int limit = Requests.queryInt(ctx, "limit", FleetHandlers.DEFAULT_LIMIT);
        Requests.reply(
                ctx,
                context.owner()
                        .executeBlocking(() -> dispatch.list(site, state, limit), false)
                        .map(ApiJson::dispatches));
    }

    void get(RoutingContext ctx) {
        DispatchId id = DispatchId.of(Requests.path(ctx, "dispatchId"));
        Requests.reply(
                ctx,
                Future.fromCompletionStage(dispatch.get(id), context)
                        .map(v -> ApiJson.dispatch(v.orElseThrow(() -> unknown(id)))));
    }

    static GridshiftException unknown(DispatchId id) {
        return new GridshiftException(
                ErrorKind.NOT_FOUND,
                "unknown_dispatch",
                "dispatchId: no order " + id + " was issued");
    }

    void create(RoutingContext ctx) {
        DispatchOrder order =
                DispatchRequests.order(Requests.validated(ctx).getBody().getJsonObject(), clock);
        Future.fromCompletionStage(dispatch.issue(order), context)
                .onComplete(
                        view ->
                                ctx.response()
                                        .setStatusCode(201)
                                        .putHeader("location", BASE + order.id().value())
                                        .putHeader("content-type", "application/json")
                                        .end(ApiJson.dispatch(view).encode()),
                        ctx::fail);
    }
}
