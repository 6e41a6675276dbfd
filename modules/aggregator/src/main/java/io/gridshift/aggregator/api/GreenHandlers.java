package io.gridshift.aggregator.api;

import io.gridshift.aggregator.green.GreenAccountant;
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
        LedgerReplies.reply(
                vertx,
                ctx,
                green != null,
                GreenQuery::of,
                q -> green.account(q.from(), q.to(), q.site()),
                a -> GreenExport.json(a).encode(),
                GreenExport::csv);
    }
}
