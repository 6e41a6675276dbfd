package io.gridshift.aggregator.api;

import io.gridshift.aggregator.schedule.ScheduleBoard;
import io.gridshift.aggregator.schedule.ScheduleReport;
import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.schedule.PlanAck;
import io.gridshift.domain.schedule.SitePlan;
import io.gridshift.domain.site.SiteId;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /api/v1/schedule}: the plan's summary (version, solver figures, savings against
 * run-at-arrival by zone and job class, kW per zone and slot) with every site's plan and ack as
 * they stand now; {@code GET /api/v1/schedule/sites/{siteId}}: one site's plan and ack. Read from
 * the cluster's {@link ScheduleBoard}, so any node answers. Without a plan yet: {@code status:
 * "none"}.
 */
final class ScheduleHandlers {
    private final ScheduleBoard board;
    private final Vertx vertx;

    ScheduleHandlers(ScheduleBoard board, Vertx vertx) {
        this.board = board;
        this.vertx = vertx;
    }

    void schedule(RoutingContext ctx) {
        Requests.reply(ctx, vertx.executeBlocking(this::summary, false));
    }

    void site(RoutingContext ctx) {
        SiteId site = SiteId.of(Requests.path(ctx, "siteId"));
        Requests.reply(
                ctx,
                vertx.executeBlocking(
                        () -> {
                            SitePlan plan =
                                    board.plan(site)
                                            .orElseThrow(
                                                    () ->
                                                            new GridshiftException(
                                                                    ErrorKind.NOT_FOUND,
                                                                    "not_found",
                                                                    "siteId: no plan for site "
                                                                            + site));
                            return sitePlan(plan, board.ack(site).orElse(null));
                        },
                        false));
    }

    private JsonObject summary() {
        JsonObject json =
                board.summary().map(JsonObject::new).orElse(new JsonObject().put("status", "none"));
        Map<String, PlanAck> acks = new TreeMap<>();
        board.allAcks().forEach((k, v) -> acks.put(k.value(), v));
        JsonArray sites = new JsonArray();
        if (json.containsKey("version")) {
            for (String s :
                    new java.util.TreeSet<>(
                            board.allJobs().keySet().stream().map(SiteId::value).toList())) {
                board.plan(SiteId.of(s)).ifPresent(p -> sites.add(sitePlan(p, acks.get(s))));
            }
        }
        int acked = 0;
        for (int i = 0; i < sites.size(); i++) {
            JsonObject ack = sites.getJsonObject(i).getJsonObject("ack");
            acked +=
                    ack != null
                                    && sites.getJsonObject(i)
                                            .getInteger("version")
                                            .equals(json.getInteger("version"))
                            ? 1
                            : 0;
        }
        return json.put("sites", sites).put("sitesAcked", acked);
    }

    private static JsonObject sitePlan(SitePlan plan, PlanAck ack) {
        return ScheduleReport.site(plan, ack);
    }
}
