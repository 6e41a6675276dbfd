package io.gridshift.aggregator.api;

import io.gridshift.aggregator.green.GreenAccountant;
import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /api/v1/green?from=&to=[&site=]}: the live green-power account ({@link
 * GreenAccountant}), JSON or CSV (Accept text/csv) like the baselines' accuracy; 404 on a node
 * without a ledger.
 */
final class GreenHandlers {
    private final GreenAccountant green;
    private final Vertx vertx;

    /** {@code green}: null on a node without a ledger. */
    GreenHandlers(GreenAccountant green, Vertx vertx) {
        this.green = green;
        this.vertx = vertx;
    }

    void account(RoutingContext ctx) {
        if (green == null) {
            ctx.fail(
                    new GridshiftException(
                            ErrorKind.NOT_FOUND,
                            "no_ledger",
                            "this node keeps no ledger (ledger.enabled=false)"));
            return;
        }
        GreenQuery q;
        try {
            q = GreenQuery.of(ctx);
        } catch (GridshiftException e) {
            ctx.fail(e);
            return;
        }
        boolean csv = String.valueOf(ctx.request().getHeader("accept")).contains("text/csv");
        vertx.executeBlocking(() -> green.account(q.from(), q.to(), q.site()), false)
                .onSuccess(
                        a ->
                                ctx.response()
                                        .putHeader(
                                                "content-type",
                                                csv ? "text/csv" : "application/json")
                                        .end(
                                                csv
                                                        ? GreenExport.csv(a)
                                                        : GreenExport.json(a).encode()))
                .onFailure(ctx::fail);
    }
}
