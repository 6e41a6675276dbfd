package io.gridshift.vtn.api;

import static io.gridshift.vtn.api.ApiReplies.problem;
import static io.gridshift.vtn.api.ApiReplies.send;

import io.gridshift.vtn.event.EventStore;
import io.gridshift.vtn.oadr.ReportService;
import io.gridshift.vtn.oadr.VenOutbox;
import io.gridshift.vtn.opt.Opt;
import io.gridshift.vtn.opt.OptStore;
import io.gridshift.vtn.report.ReportStore;
import io.gridshift.vtn.ven.Ven;
import io.gridshift.vtn.ven.VenRegistry;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.openadr.oadr20b.OadrRequestReregistrationType;

/**
 * What the VTN recorded, for operators, under {@code /api/v1}: {@code GET /vens}, {@code GET
 * /vens/{venId}} (registration, reports offered, open events), {@code GET /opts?venId=}, {@code GET
 * /reports?venId=} (reports offered, requests, data); and the requests an operator can make of a
 * VEN: {@code POST /vens/{venId}/reports/request} (its telemetry, again), {@code POST
 * /reports/{reportRequestId}/cancel}, {@code POST /vens/{venId}/reregister}.
 */
public final class RecordsApi {
    private final VenRegistry vens;
    private final EventStore events;
    private final ReportStore reports;
    private final OptStore opts;
    private final VenOutbox outbox;
    private final ReportService reportService;
    private final Clock clock;

    public RecordsApi(
            VenRegistry vens,
            EventStore events,
            ReportStore reports,
            OptStore opts,
            VenOutbox outbox,
            ReportService reportService,
            Clock clock) {
        this.vens = Objects.requireNonNull(vens, "vens");
        this.events = Objects.requireNonNull(events, "events");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.opts = Objects.requireNonNull(opts, "opts");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.reportService = Objects.requireNonNull(reportService, "reportService");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Adds the routes to {@code router} (after {@link EventsApi#mount}, which adds the body
     * handler).
     */
    public void mount(Router router) {
        String base = EventsApi.BASE;
        router.get(base + "/vens").handler(this::vens);
        router.get(base + "/vens/:venId").handler(this::ven);
        router.post(base + "/vens/:venId/reports/request").handler(this::requestReports);
        router.post(base + "/vens/:venId/reregister").handler(this::reregister);
        router.get(base + "/opts").handler(this::opts);
        router.get(base + "/reports").handler(this::reports);
        router.post(base + "/reports/:reportRequestId/cancel").handler(this::cancelReport);
    }

    private void vens(RoutingContext ctx) {
        JsonArray list = new JsonArray();
        vens.all().forEach(v -> list.add(RecordJson.ven(v)));
        send(ctx, new JsonObject().put("vens", list));
    }

    private void ven(RoutingContext ctx) {
        Optional<Ven> ven = known(ctx);
        if (ven.isEmpty()) {
            return;
        }
        String venId = ven.get().venId();
        JsonArray open = new JsonArray();
        events.openFor(venId, clock.instant()).forEach(e -> open.add(e.id().value()));
        send(
                ctx,
                RecordJson.ven(ven.get())
                        .put("openEvents", open)
                        .put("queuedMessages", outbox.size(venId))
                        .put("reports", RecordJson.reports(reports, venId)));
    }

    private void opts(RoutingContext ctx) {
        String venId = ctx.queryParams().get("venId");
        JsonArray list = new JsonArray();
        for (Opt o : opts.all(venId)) {
            list.add(RecordJson.opt(o));
        }
        send(ctx, new JsonObject().put("opts", list));
    }

    private void reports(RoutingContext ctx) {
        String venId = ctx.queryParams().get("venId");
        if (venId == null || venId.isBlank()) {
            problem(ctx, 400, "required", "venId is required, e.g. ?venId=ven-1", "venId");
            return;
        }
        send(ctx, RecordJson.reports(reports, venId).put("venId", venId));
    }

    private void requestReports(RoutingContext ctx) {
        Optional<Ven> ven = known(ctx);
        if (ven.isEmpty()) {
            return;
        }
        var made = reportService.requestTelemetry(ven.get().venId());
        if (made.isEmpty()) {
            problem(
                    ctx,
                    409,
                    "no_telemetry",
                    "the VEN registered no TELEMETRY_USAGE or TELEMETRY_STATUS report",
                    "venId");
            return;
        }
        JsonArray list = new JsonArray();
        made.forEach(r -> list.add(RecordJson.request(r)));
        ctx.response().setStatusCode(202);
        send(ctx, new JsonObject().put("requests", list));
    }

    private void cancelReport(RoutingContext ctx) {
        var cancelled = reportService.cancel(ctx.pathParam("reportRequestId"));
        if (cancelled.isEmpty()) {
            problem(ctx, 404, "not_found", "no such report request", "reportRequestId");
            return;
        }
        ctx.response().setStatusCode(202);
        send(ctx, RecordJson.request(cancelled.get()));
    }

    private void reregister(RoutingContext ctx) {
        Optional<Ven> ven = known(ctx);
        if (ven.isEmpty()) {
            return;
        }
        OadrRequestReregistrationType message = new OadrRequestReregistrationType();
        message.setSchemaVersion("2.0b");
        message.setVenID(ven.get().venId());
        outbox.add(ven.get().venId(), message);
        ctx.response().setStatusCode(202);
        send(ctx, new JsonObject().put("venId", ven.get().venId()).put("queued", true));
    }

    private Optional<Ven> known(RoutingContext ctx) {
        Optional<Ven> ven = vens.find(ctx.pathParam("venId"));
        if (ven.isEmpty()) {
            problem(ctx, 404, "not_found", "no such VEN", "venId");
        }
        return ven;
    }
}
