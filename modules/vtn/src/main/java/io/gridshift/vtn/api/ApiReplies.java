package io.gridshift.vtn.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** JSON answers and RFC 9457 problems of the REST API. */
final class ApiReplies {
    private static final String JSON = "application/json";

    private ApiReplies() {}

    static void send(RoutingContext ctx, JsonObject json) {
        ctx.response().putHeader("content-type", JSON).end(json.encode());
    }

    static void problem(
            RoutingContext ctx, int status, String reason, String detail, String field) {
        JsonObject p =
                new JsonObject()
                        .put("type", "https://gridshift.io/problems/" + reason)
                        .put("title", reason)
                        .put("status", status)
                        .put("detail", detail)
                        .put("instance", ctx.request().path())
                        .put("reason", reason);
        if (field != null) {
            p.put("field", field);
        }
        ctx.response()
                .setStatusCode(status)
                .putHeader("content-type", "application/problem+json")
                .end(p.encode());
    }
}
