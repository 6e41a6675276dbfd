package io.gridshift.vtn.api;

import static io.gridshift.vtn.api.ApiReplies.problem;
import static io.gridshift.vtn.api.ApiReplies.send;

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
import java.util.function.Consumer;

/**
 * The operators' event API under {@code /api/v1} (JSON): {@code POST /events} creates, {@code GET
 * /events} lists, {@code GET /events/{id}} shows one with every VEN's responses, {@code PUT
 * /events/{id}} (or {@code POST /events/{id}/modify}) modifies (a body like the creation's, plus
 * {@code reason}), {@code POST /events/{id}/cancel} cancels. Errors are RFC 9457 problems.
 */
public final class EventsApi {
    public static final String BASE = "/api/v1";
    static final int MAX_BODY = 256 * 1024;

    private final EventStore events;
    private final Clock clock;
    private final Consumer<StoredEvent> changed;

    /**
     * @param changed told of every event created, modified or cancelled (the VTN pushes it)
     */
    public EventsApi(EventStore events, Clock clock, Consumer<StoredEvent> changed) {
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.changed = Objects.requireNonNull(changed, "changed");
    }

    public EventsApi(EventStore events, Clock clock) {
        this(events, clock, e -> {});
    }

    /** Adds the routes to {@code router}. */
    public void mount(Router router) {
        router.route(BASE + "/*").handler(BodyHandler.create().setBodyLimit(MAX_BODY));
        router.post(BASE + "/events").handler(this::create);
        router.get(BASE + "/events").handler(this::list);
        router.get(BASE + "/events/:id").handler(this::get);
        router.put(BASE + "/events/:id").handler(this::modify);
        router.post(BASE + "/events/:id/modify").handler(this::modify);
        router.post(BASE + "/events/:id/cancel").handler(this::cancel);
    }

    private void create(RoutingContext ctx) {
        Optional<JsonObject> body = body(ctx);
        if (body.isEmpty()) {
            return;
        }
        StoredEvent stored;
        try {
            stored = events.add(EventRequests.parse(body.get(), clock.instant()));
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
        changed.accept(stored);
    }

    private void modify(RoutingContext ctx) {
        Optional<EventId> id = id(ctx);
        Optional<JsonObject> body = body(ctx);
        if (body.isEmpty()) {
            return;
        }
        Optional<StoredEvent> stored;
        try {
            JsonObject b = body.get().copy();
            Object reason = b.remove("reason");
            if (reason != null && !(reason instanceof String)) {
                throw new InvalidFieldException("reason", "type", reason, "must be text");
            }
            id.ifPresent(i -> b.put("eventId", i.value()));
            stored =
                    id.flatMap(
                            i ->
                                    events.modify(
                                            i,
                                            EventRequests.parse(b, clock.instant()),
                                            reason == null
                                                    ? "modified by operator"
                                                    : (String) reason,
                                            clock.instant()));
        } catch (InvalidFieldException e) {
            problem(ctx, 400, e.rule(), e.getMessage(), e.field());
            return;
        } catch (IllegalStateException e) {
            problem(ctx, 409, "cancelled", e.getMessage(), null);
            return;
        } catch (IllegalArgumentException e) {
            problem(ctx, 400, "targets", e.getMessage(), "venIds");
            return;
        }
        found(ctx, stored);
    }

    private void list(RoutingContext ctx) {
        JsonArray list = new JsonArray();
        events.all().forEach(e -> list.add(EventJson.of(e, clock.instant())));
        send(ctx, new JsonObject().put("events", list));
    }

    private void get(RoutingContext ctx) {
        Optional<StoredEvent> event = id(ctx).flatMap(events::get);
        if (event.isEmpty()) {
            problem(ctx, 404, "not_found", "no such event", null);
        } else {
            send(ctx, EventJson.of(event.get(), clock.instant()));
        }
    }

    private void cancel(RoutingContext ctx) {
        found(
                ctx,
                id(ctx).flatMap(id -> events.cancel(id, "cancelled by operator", clock.instant())));
    }

    private void found(RoutingContext ctx, Optional<StoredEvent> event) {
        if (event.isEmpty()) {
            problem(ctx, 404, "not_found", "no such event", null);
        } else {
            send(ctx, EventJson.of(event.get(), clock.instant()));
            changed.accept(event.get());
        }
    }

    private static Optional<JsonObject> body(RoutingContext ctx) {
        JsonObject body = null;
        try {
            body = ctx.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            // answered below
        }
        if (body == null) {
            problem(ctx, 400, "malformed", "the body is not a JSON object", null);
        }
        return Optional.ofNullable(body);
    }

    private static Optional<EventId> id(RoutingContext ctx) {
        try {
            return Optional.of(EventId.of(ctx.pathParam("id")));
        } catch (InvalidFieldException e) {
            return Optional.empty();
        }
    }
}
