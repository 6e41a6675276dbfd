package io.gridshift.aggregator.api;

import io.gridshift.aggregator.api.auth.ApiAuthOptions;
import io.gridshift.aggregator.api.auth.ApiAuthenticator;
import io.gridshift.aggregator.api.auth.AuditLog;
import io.gridshift.aggregator.api.auth.ClientThrottle;
import io.gridshift.aggregator.dispatch.DispatchService;
import io.gridshift.aggregator.fleet.FleetState;
import io.gridshift.aggregator.green.GreenAccountant;
import io.gridshift.aggregator.ledger.NodeLedger;
import io.gridshift.aggregator.metrics.AggregatorMetrics;
import io.gridshift.aggregator.schedule.ScheduleBoard;
import io.gridshift.aggregator.ven.GridEventLog;
import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.event.EventId;
import io.gridshift.storage.accuracy.AccuracyExport;
import io.gridshift.storage.settlement.SettlementExport;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operators' REST API, a verticle: {@code /api/v1/...} built from {@code openapi.yaml} with the
 * OpenAPI router (every request is validated against the document), the document itself at {@code
 * /openapi.yaml}, Prometheus metrics at {@code /metrics} and health at {@code /health/live} and
 * {@code /health/ready}. Every {@code /api/v1} request is authenticated and authorised first
 * ({@link ApiAccess}); {@code /health/*}, {@code /metrics} and {@code /openapi.yaml} are open, for
 * probes and scrapers on the operators' network. Every error is an RFC 9457 problem. Blocking
 * queries run on worker threads, never on the event loop.
 */
public final class HttpApi extends VerticleBase {
    /** The OpenAPI document on the class path. */
    public static final String OPENAPI = "io/gridshift/aggregator/api/openapi.yaml";

    static final String PROMETHEUS_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

    private final String host;
    private final int requestedPort;
    private final FleetState fleet;
    private final DispatchService dispatch;
    private final GridEventLog events;
    private final NodeLedger ledger;
    private final AggregatorMetrics metrics;
    private final Clock clock;
    private final List<HealthProbe> readiness;
    private final ApiAuthOptions auth;
    private final AuditLog audit;
    private final ScheduleBoard schedule;
    private final GreenAccountant green;
    private volatile int port = -1;
    private HttpServer server;

    /**
     * @param port the port to listen on; 0 for a free one (see {@link #port()})
     * @param readiness the conditions of {@code /health/ready}
     * @param auth who may call {@code /api/v1} and how fast
     * @param audit where changes made through the API are recorded
     */
    public HttpApi(
            String host,
            int port,
            FleetState fleet,
            DispatchService dispatch,
            GridEventLog events,
            NodeLedger ledger,
            AggregatorMetrics metrics,
            Clock clock,
            List<HealthProbe> readiness,
            ApiAuthOptions auth,
            AuditLog audit) {
        this(
                host, port, fleet, dispatch, events, ledger, metrics, clock, readiness, auth, audit,
                null, null);
    }

    /**
     * As above, answering {@code /api/v1/schedule} from {@code schedule} ({@code null}: none) and
     * {@code /api/v1/green} from {@code green} ({@code null}: 404, no ledger).
     */
    public HttpApi(
            String host,
            int port,
            FleetState fleet,
            DispatchService dispatch,
            GridEventLog events,
            NodeLedger ledger,
            AggregatorMetrics metrics,
            Clock clock,
            List<HealthProbe> readiness,
            ApiAuthOptions auth,
            AuditLog audit,
            ScheduleBoard schedule,
            GreenAccountant green) {
        this.schedule = schedule;
        this.green = green;
        this.host = Objects.requireNonNull(host, "host");
        this.requestedPort = port;
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.dispatch = Objects.requireNonNull(dispatch, "dispatch");
        this.events = Objects.requireNonNull(events, "events");
        this.ledger = ledger;
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.readiness = List.copyOf(readiness);
        this.auth = Objects.requireNonNull(auth, "auth");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /** The port the API listens on once deployed; -1 before. */
    public int port() {
        return port;
    }

    @Override
    public Future<?> start() {
        return vertx.fileSystem()
                .readFile(OPENAPI)
                .compose(
                        yaml ->
                                Contracts.load(vertx, yaml.toString())
                                        .map(contract -> router(contract, yaml)))
                .compose(
                        router ->
                                vertx.createHttpServer(
                                                new HttpServerOptions()
                                                        .setHost(host)
                                                        .setPort(requestedPort))
                                        .requestHandler(router)
                                        .listen())
                .onSuccess(
                        s -> {
                            server = s;
                            port = s.actualPort();
                            LOG.info("REST API listening on {}:{}", host, port);
                        });
    }

    @Override
    public Future<?> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    /** Settles an event from the ledger; 404 without a ledger or for an unknown event. */
    private void settle(RoutingContext ctx) {
        LedgerReplies.reply(
                vertx,
                ctx,
                ledger != null,
                c -> EventId.of(Requests.path(c, "eventId")),
                event -> ledger.settle(event),
                SettlementExport::json,
                SettlementExport::csv);
    }

    /**
     * The baselines' accuracy on days without events, JSON or CSV (Accept text/csv) like the
     * settlement; 404 without a ledger.
     */
    private void accuracy(RoutingContext ctx) {
        LedgerReplies.reply(
                vertx,
                ctx,
                ledger != null,
                AccuracyQuery::of,
                q ->
                        ledger.accuracy(
                                q.program(),
                                q.from(),
                                q.to(),
                                q.windowStart(),
                                q.windowEnd(),
                                q.methods(),
                                q.site()),
                AccuracyExport::json,
                AccuracyExport::csv);
    }

    /** The event's delivery as its orchestrator keeps it; 404 when it was never dispatched. */
    private void delivery(RoutingContext ctx) {
        String id = Requests.path(ctx, "eventId");
        Requests.reply(
                ctx,
                vertx.executeBlocking(
                        () ->
                                events.delivery(id)
                                        .orElseThrow(
                                                () ->
                                                        new GridshiftException(
                                                                ErrorKind.NOT_FOUND,
                                                                "unknown_delivery",
                                                                "eventId: no delivery of event "
                                                                        + id)),
                        false));
    }

    private void noSchedule(io.vertx.ext.web.RoutingContext ctx) {
        ctx.fail(
                new io.gridshift.domain.error.GridshiftException(
                        io.gridshift.domain.error.ErrorKind.NOT_FOUND,
                        "not_found",
                        "this node keeps no day-ahead schedule"));
    }

    private Router router(OpenAPIContract contract, Buffer yaml) {
        RouterBuilder builder = RouterBuilder.create(vertx, contract);
        if (!auth.anyCredential()) {
            LOG.warn(
                    "no API tokens, JWT key or anonymous role configured: every /api request"
                            + " is refused (see api.tokens)");
        }
        builder.rootHandler(
                new ApiAccess(
                        new ApiAuthenticator(vertx, auth),
                        new ClientThrottle(auth.clientRate(), auth.clientBurst(), clock),
                        audit,
                        metrics,
                        clock));
        FleetHandlers sites = new FleetHandlers(fleet, clock, context);
        DispatchHandlers orders = new DispatchHandlers(dispatch, clock, context);
        builder.getRoute("getFleet").addHandler(sites::fleet);
        builder.getRoute("listSites").addHandler(sites::sites);
        builder.getRoute("getSite").addHandler(sites::site);
        builder.getRoute("getSiteTelemetry").addHandler(sites::telemetry);
        builder.getRoute("listDispatches").addHandler(orders::list);
        builder.getRoute("getDispatch").addHandler(orders::get);
        builder.getRoute("createDispatch").addHandler(orders::create);
        builder.getRoute("listGridEvents")
                .addHandler(
                        ctx ->
                                Requests.reply(
                                        ctx,
                                        vertx.executeBlocking(
                                                () ->
                                                        new JsonObject()
                                                                .put(
                                                                        "events",
                                                                        new JsonArray(
                                                                                events.all())),
                                                false)));
        builder.getRoute("settleGridEvent").addHandler(this::settle);
        builder.getRoute("getGridEventDelivery").addHandler(this::delivery);
        builder.getRoute("getBaselineAccuracy").addHandler(this::accuracy);
        builder.getRoute("getGreenAccount").addHandler(new GreenHandlers(green, vertx)::account);
        if (schedule != null) {
            ScheduleHandlers plans = new ScheduleHandlers(schedule, vertx);
            builder.getRoute("getSchedule").addHandler(plans::schedule);
            builder.getRoute("getSiteSchedule").addHandler(plans::site);
        } else {
            builder.getRoute("getSchedule").addHandler(this::noSchedule);
            builder.getRoute("getSiteSchedule").addHandler(this::noSchedule);
        }
        Router router = builder.createRouter();
        // outside the OpenAPI document: its router takes no text/event-stream response
        router.get("/api/v1/stream").handler(new FleetStream(fleet, FleetStream.PERIOD)::handle);
        DashboardRoutes.mount(router);

        router.get("/openapi.yaml")
                .handler(
                        ctx ->
                                ctx.response()
                                        .putHeader("content-type", "application/yaml")
                                        .end(yaml));
        router.get("/metrics")
                .handler(
                        ctx ->
                                ctx.response()
                                        .putHeader("content-type", PROMETHEUS_TYPE)
                                        .end(metrics.scrape()));
        router.get("/health/live").handler(live());
        router.get("/health/ready").handler(ready());

        router.route().failureHandler(Problems::handle);
        for (int status : new int[] {400, 401, 403, 404, 405, 413, 415, 429, 500}) {
            router.errorHandler(status, Problems::handle);
        }
        return router;
    }

    private HealthCheckHandler live() {
        return HealthCheckHandler.create(vertx).register("api", p -> p.complete(Status.OK()));
    }

    private HealthCheckHandler ready() {
        HealthCheckHandler handler =
                HealthCheckHandler.create(vertx).register("api", p -> p.complete(Status.OK()));
        for (HealthProbe probe : readiness) {
            handler.register(
                    probe.name(),
                    p -> p.complete(probe.up().getAsBoolean() ? Status.OK() : Status.KO()));
        }
        return handler;
    }
}
