package io.gridshift.aggregator.coap;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.gridshift.aggregator.cluster.ClusterConfigs;
import io.gridshift.aggregator.cluster.ClusterOptions;
import io.gridshift.aggregator.dispatch.DispatchOptions;
import io.gridshift.aggregator.dispatch.DispatchService;
import io.gridshift.aggregator.dispatch.DispatchState;
import io.gridshift.aggregator.dispatch.DispatchView;
import io.gridshift.aggregator.fleet.FleetOptions;
import io.gridshift.aggregator.fleet.FleetState;
import io.gridshift.aggregator.fleet.SiteView;
import io.gridshift.aggregator.ingest.EdgeIngest;
import io.gridshift.aggregator.ingest.SiteThrottle;
import io.gridshift.aggregator.metrics.AggregatorMetrics;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.site.SiteId;
import io.gridshift.edge.codec.EdgeCodecOptions;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One aggregator node for the CoAP tests: a real single-member Hazelcast, the fleet state, the
 * dispatch service sending through {@link CoapDispatchSender} on this node's event bus, and the
 * {@link CoapIngress} verticle on a free port.
 */
final class IngressNode implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);

    final HazelcastInstance hz;
    final Vertx vertx;
    final AggregatorMetrics metrics = new AggregatorMetrics();
    final FleetState fleet;
    final DispatchService dispatch;
    final EdgeIngest ingest;
    final CoapIngress coap;
    private final boolean secure;

    IngressNode() throws Exception {
        this(null);
    }

    /** With DTLS keys per site, or plain CoAP when {@code dtls} is {@code null}. */
    IngressNode(CoapDtlsOptions dtls) throws Exception {
        Clock clock = Clock.systemUTC();
        hz =
                Hazelcast.newHazelcastInstance(
                        ClusterConfigs.member(ClusterOptions.defaults().withMemberPort(0)));
        vertx = Vertx.vertx();
        fleet = new FleetState(hz, FleetOptions.defaults(), clock, metrics::duplicates);
        dispatch =
                new DispatchService(
                        hz,
                        fleet,
                        new CoapDispatchSender(vertx.eventBus()),
                        DispatchOptions.defaults(),
                        clock,
                        metrics);
        ingest = new EdgeIngest(fleet, dispatch, new SiteThrottle(0, 1, clock), metrics);
        coap =
                new CoapIngress(
                        "127.0.0.1",
                        0,
                        ingest,
                        dispatch,
                        EdgeCodecOptions.defaults(),
                        "node-1",
                        dtls);
        secure = dtls != null;
        vertx.deployVerticle(coap)
                .toCompletionStage()
                .toCompletableFuture()
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** {@code coap://127.0.0.1:{port}}, or {@code coaps://...} with DTLS. */
    String uri() {
        return (secure ? "coaps" : "coap") + "://127.0.0.1:" + coap.port();
    }

    Optional<SiteView> site(String site) throws Exception {
        return fleet.site(SiteId.of(site))
                .toCompletableFuture()
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    DispatchView issue(DispatchOrder order) throws Exception {
        return dispatch.issue(order).toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    DispatchState state(String dispatchId) throws Exception {
        return dispatch.get(DispatchId.of(dispatchId))
                .toCompletableFuture()
                .get(WAIT.toSeconds(), TimeUnit.SECONDS)
                .map(DispatchView::state)
                .orElse(null);
    }

    @Override
    public void close() throws Exception {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } finally {
            fleet.close();
            hz.shutdown();
        }
    }
}
