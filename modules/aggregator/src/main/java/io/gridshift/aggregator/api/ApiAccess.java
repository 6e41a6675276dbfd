package io.gridshift.aggregator.api;

import io.gridshift.aggregator.api.auth.ApiAuthenticator;
import io.gridshift.aggregator.api.auth.ApiClient;
import io.gridshift.aggregator.api.auth.ApiRole;
import io.gridshift.aggregator.api.auth.AuditEntry;
import io.gridshift.aggregator.api.auth.AuditLog;
import io.gridshift.aggregator.api.auth.ClientThrottle;
import io.gridshift.aggregator.metrics.AggregatorMetrics;
import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first handler of every {@code /api/v1} route, before validation: authenticates the request
 * ({@link ApiAuthenticator}), applies the client's rate limit, checks its role (GET and HEAD need
 * viewer, any other method operator) and, for a change, writes the outcome to the {@link AuditLog}
 * once the response is sent. Refusals are RFC 9457 problems (401 with {@code WWW-Authenticate},
 * 403, 429 with {@code Retry-After}) counted in {@code gridshift_api_refused_total}.
 */
final class ApiAccess implements Handler<RoutingContext> {
    /** The routing context key of the authenticated {@link ApiClient}. */
    static final String CLIENT = "gridshift.client";

    static final String API_PREFIX = "/api/";

    private static final Logger LOG = LoggerFactory.getLogger(ApiAccess.class);

    private final ApiAuthenticator authenticator;
    private final ClientThrottle throttle;
    private final AuditLog audit;
    private final AggregatorMetrics metrics;
    private final Clock clock;

    ApiAccess(
            ApiAuthenticator authenticator,
            ClientThrottle throttle,
            AuditLog audit,
            AggregatorMetrics metrics,
            Clock clock) {
        this.authenticator = authenticator;
        this.throttle = throttle;
        this.audit = audit;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (!ctx.normalizedPath().startsWith(API_PREFIX)) {
            // the router builder's root handlers run for the whole router: probes stay open
            ctx.next();
            return;
        }
        authenticator
                .authenticate(ctx.request().getHeader("authorization"))
                .onComplete(client -> admit(ctx, client), e -> refuse(ctx, e));
    }

    private void admit(RoutingContext ctx, ApiClient client) {
        long wait = throttle.acquire(client.name());
        if (wait > 0) {
            metrics.apiRefused("throttled");
            ctx.response().putHeader("retry-after", Long.toString(wait));
            Problems.send(
                    ctx,
                    new Problems.Problem(
                            429,
                            "throttled",
                            "client " + client.name() + " makes more requests than allowed",
                            null,
                            null));
            return;
        }
        boolean change = isChange(ctx.request().method());
        ApiRole needed = change ? ApiRole.OPERATOR : ApiRole.VIEWER;
        if (!client.role().includes(needed)) {
            metrics.apiRefused("forbidden");
            String detail = "role " + client.role().label() + " may not; needs " + needed.label();
            if (change) {
                record(ctx, client, "403 denied: " + detail);
            }
            Problems.send(ctx, new Problems.Problem(403, "forbidden", detail, null, null));
            return;
        }
        ctx.put(CLIENT, client);
        if (change) {
            ctx.addEndHandler(
                    v -> {
                        String location = ctx.response().headers().get("location");
                        record(ctx, client, ctx.response().getStatusCode() + "", location);
                    });
        }
        ctx.next();
    }

    private void refuse(RoutingContext ctx, Throwable e) {
        GridshiftException g =
                e instanceof GridshiftException x
                        ? x
                        : new GridshiftException(
                                ErrorKind.UNAUTHENTICATED, "invalid_token", "not authenticated");
        int status = g.kind().httpStatus();
        metrics.apiRefused(status == 403 ? "forbidden" : "unauthenticated");
        if (status == 401) {
            ctx.response()
                    .putHeader(
                            "www-authenticate",
                            "Bearer realm=\"gridshift\", error=\"invalid_token\"");
        }
        Problems.send(ctx, new Problems.Problem(status, g.reason(), g.getMessage(), null, null));
    }

    private static boolean isChange(HttpMethod m) {
        return !(HttpMethod.GET.equals(m)
                || HttpMethod.HEAD.equals(m)
                || HttpMethod.OPTIONS.equals(m));
    }

    private void record(RoutingContext ctx, ApiClient client, String detail) {
        record(ctx, client, detail, null);
    }

    private void record(RoutingContext ctx, ApiClient client, String detail, String target) {
        AuditEntry entry =
                new AuditEntry(
                        client.name(),
                        ctx.request().method() + " " + ctx.request().path(),
                        target == null ? ctx.request().path() : target,
                        detail,
                        clock.instant());
        ctx.vertx()
                .executeBlocking(
                        () -> {
                            audit.record(entry);
                            return null;
                        },
                        true)
                .onFailure(x -> LOG.error("audit entry {} not written", entry, x));
    }
}
