package io.gridshift.aggregator.api;

import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/**
 * The API's reads from the ledger (settlement, baselines' accuracy, green-power account): 404 on a
 * node without a ledger, the request's parameters read (a bad one answered 400 naming it), the
 * blocking work on a worker, and the answer in JSON or, with {@code Accept: text/csv}, CSV.
 */
final class LedgerReplies {
    private LedgerReplies() {}

    /**
     * @param hasLedger whether this node keeps a ledger
     * @param parse reads the request's parameters; throws naming a bad one
     * @param work the blocking read, on a worker
     */
    static <Q, T> void reply(
            Vertx vertx,
            RoutingContext ctx,
            boolean hasLedger,
            Function<RoutingContext, Q> parse,
            Function<Q, T> work,
            Function<T, String> json,
            Function<T, String> csv) {
        if (!hasLedger) {
            ctx.fail(
                    new GridshiftException(
                            ErrorKind.NOT_FOUND,
                            "no_ledger",
                            "this node keeps no ledger (ledger.enabled=false)"));
            return;
        }
        Q query;
        try {
            query = parse.apply(ctx);
        } catch (GridshiftException e) {
            ctx.fail(e);
            return;
        }
        boolean wantsCsv = String.valueOf(ctx.request().getHeader("accept")).contains("text/csv");
        vertx.executeBlocking(() -> work.apply(query), false)
                .onSuccess(
                        result ->
                                ctx.response()
                                        .putHeader(
                                                "content-type",
                                                wantsCsv ? "text/csv" : "application/json")
                                        .end(wantsCsv ? csv.apply(result) : json.apply(result)))
                .onFailure(ctx::fail);
    }
}
