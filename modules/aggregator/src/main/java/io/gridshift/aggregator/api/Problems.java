package io.gridshift.aggregator.api;

import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.error.InvalidFieldException;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.openapi.validation.ValidatorException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders every error as an RFC 9457 problem ({@code application/problem+json}): {@code type} is
 * {@code https://gridshift.io/problems/<reason>}, {@code instance} the request path, and the
 * extensions {@code reason}, {@code field} and {@code rule} say what was wrong and where. Nothing
 * unexpected ever reaches the body: a 500 says only that it happened (the log has the rest).
 */
final class Problems {
    static final String CONTENT_TYPE = "application/problem+json";
    static final String TYPE_BASE = "https://gridshift.io/problems/";

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private Problems() {}

    /** The failure handler for every route, and the handler of unmatched requests. */
    static void handle(RoutingContext ctx) {
        Throwable failure = unwrap(ctx.failure());
        Problem p =
                failure == null
                        ? ofStatus(ctx.statusCode())
                        : of(failure, ctx.request().method() + " " + path(ctx));
        send(ctx, p);
    }

    static void send(RoutingContext ctx, Problem p) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten()) {
            LOG.warn("{} {}: {} after the response started", ctx.request().method(), path(ctx), p);
            response.reset();
            return;
        }
        response.setStatusCode(p.status())
                .putHeader("content-type", CONTENT_TYPE)
                .end(p.toJson(path(ctx)).encode());
    }

    private static String path(RoutingContext ctx) {
        return ctx.request().path();
    }

    static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException
                        || e instanceof ExecutionException
                        || e instanceof HttpException h && explains(h.getCause()))
                && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** Whether a cause says more than the HTTP status wrapping it (the router wraps them). */
    private static boolean explains(Throwable cause) {
        return cause instanceof ValidatorException
                || cause instanceof GridshiftException
                || cause instanceof DecodeException;
    }

    /**
     * The problem for a failure; anything unexpected is logged (with {@code request}, e.g. {@code
     * GET /api/v1/fleet}) and answered with a bare 500.
     */
    static Problem of(Throwable thrown, String request) {
        Throwable failure = unwrap(thrown);
        if (failure instanceof InvalidFieldException e) {
            return new Problem(400, e.rule(), e.getMessage(), e.field(), e.rule());
        }
        if (failure instanceof GridshiftException e) {
            return new Problem(e.kind().httpStatus(), e.reason(), e.getMessage(), null, null);
        }
        if (failure instanceof ValidatorException e) {
            return ValidationProblems.of(e);
        }
        if (failure instanceof DecodeException e) {
            return new Problem(400, "malformed_json", "body: not valid JSON", "body", "json");
        }
        if (failure instanceof HttpException e && e.getStatusCode() < 500) {
            return ofStatus(e.getStatusCode());
        }
        LOG.error("{} failed unexpectedly", request, failure);
        return ofStatus(500);
    }

    static Problem ofStatus(int status) {
        return switch (status) {
            case 400 -> new Problem(400, "bad_request", "the request is malformed", null, null);
            case 404 -> new Problem(404, "not_found", "no such resource", null, null);
            case 405 ->
                    new Problem(405, "method_not_allowed", "method not allowed here", null, null);
            case 413 -> new Problem(413, "too_large", "the request body is too large", null, null);
            case 415 ->
                    new Problem(415, "unsupported_media_type", "send application/json", null, null);
            default ->
                    status >= 400 && status < 500
                            ? new Problem(status, "client_error", "the request failed", null, null)
                            : new Problem(
                                    500, "internal", "an unexpected error occurred", null, null);
        };
    }

    /**
     * One problem, before the request path is known.
     *
     * @param status the HTTP status
     * @param reason short machine-readable code, also the last segment of {@code type}
     * @param detail what went wrong, for a person
     * @param field the parameter or body field at fault; {@code null} when none
     * @param rule the rule it broke; {@code null} when none
     */
    record Problem(int status, String reason, String detail, String field, String rule) {
        JsonObject toJson(String instance) {
            JsonObject json =
                    new JsonObject()
                            .put("type", TYPE_BASE + reason)
                            .put("title", title(status))
                            .put("status", status)
                            .put("detail", detail)
                            .put("instance", instance)
                            .put("reason", reason);
            if (field != null) {
                json.put("field", field);
            }
            if (rule != null) {
                json.put("rule", rule);
            }
            return json;
        }
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Content Too Large";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Client Error";
        };
    }
}
