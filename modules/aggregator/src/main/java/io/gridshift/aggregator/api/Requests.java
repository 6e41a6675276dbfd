package io.gridshift.aggregator.api;

import io.gridshift.domain.error.InvalidFieldException;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatedRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/** Reading a request the OpenAPI router validated, and writing its JSON reply. */
final class Requests {
    private Requests() {}

    static ValidatedRequest validated(RoutingContext ctx) {
        return ctx.get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST);
    }

    static String path(RoutingContext ctx, String name) {
        return validated(ctx).getPathParameters().get(name).getString();
    }

    static String query(RoutingContext ctx, String name) {
        RequestParameter p = present(validated(ctx).getQuery(), name);
        return p == null ? null : String.valueOf(p.get());
    }

    static int queryInt(RoutingContext ctx, String name, int fallback) {
        RequestParameter p = present(validated(ctx).getQuery(), name);
        return p == null ? fallback : ((Number) p.get()).intValue();
    }

    private static RequestParameter present(Map<String, RequestParameter> params, String name) {
        RequestParameter p = params == null ? null : params.get(name);
        return p == null || p.isNull() ? null : p;
    }

    /** An RFC 3339 instant ({@code 2025-01-01T12:00:00Z}, any offset). */
    static Instant instant(String field, String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(
                    field, "format", text, "must be an RFC 3339 date-time", e);
        }
    }

    /** Answers with {@code json} once {@code result} succeeds; a failure becomes a problem. */
    static void reply(RoutingContext ctx, Future<JsonObject> result) {
        result.onComplete(
                json ->
                        ctx.response()
                                .putHeader("content-type", "application/json")
                                .end(json.encode()),
                ctx::fail);
    }
}
