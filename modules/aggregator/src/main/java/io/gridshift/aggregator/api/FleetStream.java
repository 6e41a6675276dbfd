package io.gridshift.aggregator.api;

import io.gridshift.aggregator.fleet.FleetState;
import io.gridshift.aggregator.ven.GridEventLog;
import io.vertx.core.Future;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;

/**
 * {@code GET /api/v1/stream}: server-sent events for the dashboard. The fleet's totals at once and
 * then every {@code period}; every grid event the VEN publishes on {@link GridEventLog#ADDRESS} as
 * it comes. Each client has its own timer and consumer, both ended when it goes.
 */
final class FleetStream {
    static final Duration PERIOD = Duration.ofSeconds(1);

    private final FleetState fleet;
    private final Duration period;

    FleetStream(FleetState fleet, Duration period) {
        this.fleet = fleet;
        this.period = period;
    }

    void handle(RoutingContext ctx) {
        HttpServerResponse response =
                ctx.response()
                        .setChunked(true)
                        .putHeader("content-type", "text/event-stream")
                        .putHeader("cache-control", "no-cache")
                        .putHeader("x-accel-buffering", "no");
        var vertx = ctx.vertx();
        // a comment line first, so that the client sees the stream open at once
        response.write(": gridshift\n\n");
        MessageConsumer<JsonObject> events =
                vertx.eventBus()
                        .consumer(
                                GridEventLog.ADDRESS,
                                m -> send(response, "grid-event", m.body().encode()));
        Runnable fleetNow =
                () ->
                        Future.fromCompletionStage(
                                        fleet.summary(), ctx.vertx().getOrCreateContext())
                                .onSuccess(s -> send(response, "fleet", ApiJson.fleet(s).encode()));
        fleetNow.run();
        long timer = vertx.setPeriodic(period.toMillis(), id -> fleetNow.run());
        response.closeHandler(
                v -> {
                    vertx.cancelTimer(timer);
                    events.unregister();
                });
    }

    private static void send(HttpServerResponse response, String event, String json) {
        if (!response.closed() && !response.ended()) {
            response.write("event: " + event + "\ndata: " + json + "\n\n");
        }
    }
}
