package io.gridshift.vtn.api;

import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.event.EventId;
import io.gridshift.vtn.event.EventStore;
import io.gridshift.vtn.event.StoredEvent;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * The operators' REST API under {@code /api/v1} (JSON): {@code POST /events}, {@code GET /events},
 * {@code GET /events/{id}}, {@code POST /events/{id}/cancel}. Errors are RFC 9457 problems.
 */
public final class EventsApi {
    public static final String BASE = "/api/v1";
    private static final String JSON = "application/json";
    private static final int MAX_BODY = 256 * 1024;

    private final EventStore events;
    private final Clock clock;

    public EventsApi(EventStore events, Clock clock) {
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Adds the routes to {@code router}. */
    public void mount(Router router) {
        router.route(BASE + "/*").handler(BodyHandler.create().setBodyLimit(MAX_BODY));
        router.post(BASE + "/events").handler(this::create);
        router.get(BASE + "/events").handler(this::list);
        router.get(BASE + "/events/:id").handler(this::get);
        router.post(BASE + "/events/:id/cancel").handler(this::cancel);
    }

    private void create(RoutingContext ctx) {
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            problem(ctx, 400, "malformed", "the body is not a JSON object", null);
            return;
        }
        if (body == null) {
            problem(ctx, 400, "malformed", "the body is not a JSON object", null);
            return;
        }
        StoredEvent stored;
        try {
            stored = events.add(EventRequests.parse(body, clock.instant()));
        } catch (InvalidFieldException e) {
            problem(ctx, 400, e.rule(), e.getMessage(), e.field());
            return;
        } catch (IllegalStateException e) {
            problem(ctx, 409, "exists", e.getMessage(), "eventId");
            return;
        }
        ctx.response()
                .setStatusCode(201)
                .putHeader("location", BASE + "/events/" + stored.event().id().value());
        send(ctx, EventJson.of(stored, clock.instant()));
    }

    private void list(RoutingContext ctx) {
        JsonArray list = new JsonArray();
        events.all().forEach(e -> list.add(EventJson.of(e, clock.instant())));
        send(ctx, new JsonObject().put("events", list));
    }

    private void get(RoutingContext ctx) {
        found(ctx, id(ctx).flatMap(events::get));
    }

    private void cancel(RoutingContext ctx) {
        found(ctx, id(ctx).flatMap(id -> events.cancel(id, "cancelled by operator")));
    }

    private void found(RoutingContext ctx, Optional<StoredEvent> event) {
        if (event.isEmpty()) {
            problem(ctx, 404, "not_found", "no such event", null);
        } else {
            send(ctx, EventJson.of(event.get(), clock.instant()));
        }
    }

    private static Optional<EventId> id(RoutingContext ctx) {
        try {
            return Optional.of(EventId.of(ctx.pathParam("id")));
        } catch (InvalidFieldException e) {
            return Optional.empty();
        }
    }

    private static void send(RoutingContext ctx, JsonObject json) {
        ctx.response().putHeader("content-type", JSON).end(json.encode());
    }

    private static void problem(
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
