package io.gridshift.aggregator.api;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.gridshift.aggregator.api.auth.ApiAuthOptions;
import io.gridshift.aggregator.api.auth.ApiRole;
import io.gridshift.aggregator.api.auth.ApiToken;
import io.gridshift.aggregator.api.auth.AuditEntry;
import io.gridshift.aggregator.cluster.ClusterConfigs;
import io.gridshift.aggregator.cluster.ClusterOptions;
import io.gridshift.aggregator.dispatch.DispatchOptions;
import io.gridshift.aggregator.dispatch.DispatchSender;
import io.gridshift.aggregator.dispatch.DispatchService;
import io.gridshift.aggregator.fleet.FleetOptions;
import io.gridshift.aggregator.fleet.FleetState;
import io.gridshift.aggregator.fleet.Origin;
import io.gridshift.aggregator.fleet.SiteRoute;
import io.gridshift.aggregator.fleet.Transport;
import io.gridshift.aggregator.green.GreenAccountant;
import io.gridshift.aggregator.green.GreenContracts;
import io.gridshift.aggregator.ledger.NodeLedger;
import io.gridshift.aggregator.metrics.AggregatorMetrics;
import io.gridshift.aggregator.schedule.SignalStore;
import io.gridshift.aggregator.ven.GridEventLog;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.flex.FlexEnvelope;
import io.gridshift.domain.flex.FlexResource;
import io.gridshift.domain.flex.LossCurve;
import io.gridshift.domain.flex.PowerCap;
import io.gridshift.domain.meter.Telemetry;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import io.gridshift.domain.site.SiteStatus;
import io.gridshift.domain.time.ManualClock;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real single-member cluster with the fleet state, the dispatch service (its sender records what
 * it is handed), and the API deployed on a free port, with a manual clock and a switchable
 * readiness probe.
 */
final class ApiFixture implements AutoCloseable {
    static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");
    static final Origin ORIGIN = new Origin(Transport.MQTT, "node-1");

    final ManualClock clock = new ManualClock(T0);
    final AtomicBoolean brokerUp = new AtomicBoolean(true);
    final List<DispatchOrder> sent = new CopyOnWriteArrayList<>();
    final List<AuditEntry> audited = new CopyOnWriteArrayList<>();
    final AggregatorMetrics metrics = new AggregatorMetrics();
    final HazelcastInstance hz;
    final FleetState fleet;
    final DispatchService dispatch;
    final Vertx vertx;
    final HttpApi api;
    final WebClient client;

    ApiFixture() throws Exception {
        this(operatorToken());
    }

    ApiFixture(ApiAuthOptions auth) throws Exception {
        this(auth, null);
    }

    /** With this node's ledger behind the settlement and accuracy routes (null: none). */
    ApiFixture(ApiAuthOptions auth, NodeLedger ledger) throws Exception {
        this(auth, ledger, null, null);
    }

    /**
     * With the ledger, and the green account on it with {@code signals} and {@code contracts}
     * (null: none).
     */
    ApiFixture(
            ApiAuthOptions auth, NodeLedger ledger, SignalStore signals, GreenContracts contracts)
            throws Exception {
        Config config =
                ClusterConfigs.member(
                        ClusterOptions.defaults()
                                .withMemberPort(0)
                                .withClusterName("api-it-" + System.nanoTime()));
        hz = Hazelcast.newHazelcastInstance(config);
        fleet = new FleetState(hz, FleetOptions.defaults(), clock, metrics::duplicates);
        DispatchSender sender = this::record;
        dispatch =
                new DispatchService(hz, fleet, sender, DispatchOptions.defaults(), clock, metrics);
        vertx = Vertx.vertx();
        api =
                new HttpApi(
                        "127.0.0.1",
                        0,
                        fleet,
                        dispatch,
                        new GridEventLog(hz, vertx.eventBus()),
                        ledger,
                        metrics,
                        clock,
                        List.of(new HealthProbe("broker", brokerUp::get)),
                        auth,
                        audited::add,
                        null,
                        ledger == null
                                ? null
                                : GreenAccountant.of(ledger, fleet, signals, contracts));
        await(vertx.deployVerticle(api).toCompletionStage());
        client =
                WebClient.create(
                        vertx,
                        new WebClientOptions()
                                .setDefaultHost("127.0.0.1")
                                .setDefaultPort(api.port()));
    }

    /** An operator token the fixture's requests carry unless a test sets its own header. */
    static final String OPERATOR_TOKEN = "op-token-0123456789abcdef0123456789abcdef";

    /** One operator token, no rate limit, no audit file: the API's credentials in most tests. */
    static ApiAuthOptions operatorToken() {
        return ApiAuthOptions.defaults()
                .withTokens(
                        List.of(
                                ApiToken.parse(
                                        ApiToken.entry("ops", ApiRole.OPERATOR, OPERATOR_TOKEN))))
                .withClientRate(0, 1)
                .withAuditFile(null);
    }

    private CompletionStage<Void> record(DispatchOrder order, SiteRoute site) {
        sent.add(order);
        return CompletableFuture.completedFuture(null);
    }

    /** dc-a (zone DE-LU, a 150 kW power cap, 200 kW hosting) and dc-b (zone FR), both online. */
    void twoSitesReport() throws Exception {
        SiteId a = SiteId.of("dc-a");
        SiteId b = SiteId.of("dc-b");
        await(fleet.status(new SiteStatus(a, SiteStatus.Availability.ONLINE, T0, "1.4.2"), ORIGIN));
        await(fleet.status(new SiteStatus(b, SiteStatus.Availability.ONLINE, T0, "1.4.2"), ORIGIN));
        FlexResource cap =
                new PowerCap(
                        "gpu-cap",
                        150,
                        null,
                        Duration.ofSeconds(5),
                        LossCurve.linear(150, 0.3),
                        0.5);
        await(
                fleet.envelope(
                        new FlexEnvelope(
                                a,
                                T0.minusSeconds(60),
                                T0.plus(Duration.ofMinutes(15)),
                                GridZone.of("DE-LU"),
                                1000,
                                200,
                                List.of(cap)),
                        ORIGIN));
        await(
                fleet.envelope(
                        new FlexEnvelope(
                                b,
                                T0.minusSeconds(60),
                                T0.plus(Duration.ofMinutes(15)),
                                GridZone.of("FR"),
                                500,
                                0,
                                List.of()),
                        ORIGIN));
        for (int i = 0; i < 3; i++) {
            Instant ts = T0.minus(Duration.ofMinutes(2 - i));
            await(fleet.telemetry(reading(a, i + 1, ts, 1000 + i * 10, 800), ORIGIN, true));
        }
        await(fleet.telemetry(reading(b, 1, T0, 500, 400), ORIGIN, true));
    }

    static Telemetry reading(SiteId site, long seq, Instant ts, double facilityKw, double itKw) {
        return new Telemetry(site, seq, ts, facilityKw, itKw, facilityKw, 0, null, null);
    }

    HttpResponse<Buffer> get(String uri) throws Exception {
        return await(
                client.request(HttpMethod.GET, uri)
                        .bearerTokenAuthentication(OPERATOR_TOKEN)
                        .send()
                        .toCompletionStage());
    }

    HttpResponse<Buffer> post(String uri, JsonObject body) throws Exception {
        return await(
                client.request(HttpMethod.POST, uri)
                        .bearerTokenAuthentication(OPERATOR_TOKEN)
                        .sendJsonObject(body)
                        .toCompletionStage());
    }

    static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        if (client != null) {
            client.close();
        }
        await(vertx.close().toCompletionStage());
        fleet.close();
        hz.shutdown();
    }
}
