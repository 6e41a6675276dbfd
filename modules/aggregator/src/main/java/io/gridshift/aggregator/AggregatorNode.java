package io.gridshift.aggregator;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.gridshift.aggregator.api.HealthProbe;
import io.gridshift.aggregator.api.HttpApi;
import io.gridshift.aggregator.api.auth.AuditLog;
import io.gridshift.aggregator.api.auth.JsonLinesAuditLog;
import io.gridshift.aggregator.cluster.ClusterConfigs;
import io.gridshift.aggregator.cluster.FreePort;
import io.gridshift.aggregator.cluster.Lease;
import io.gridshift.aggregator.coap.CoapDispatchSender;
import io.gridshift.aggregator.coap.CoapIngress;
import io.gridshift.aggregator.dispatch.DispatchJournal;
import io.gridshift.aggregator.dispatch.DispatchSender;
import io.gridshift.aggregator.dispatch.DispatchService;
import io.gridshift.aggregator.dispatch.RoutingSender;
import io.gridshift.aggregator.event.DeliveryPlanner;
import io.gridshift.aggregator.event.EventOptions;
import io.gridshift.aggregator.event.EventOrchestrator;
import io.gridshift.aggregator.event.FleetFirmCapacity;
import io.gridshift.aggregator.fleet.FleetState;
import io.gridshift.aggregator.fleet.Transport;
import io.gridshift.aggregator.green.GreenAccountant;
import io.gridshift.aggregator.ingest.EdgeIngest;
import io.gridshift.aggregator.ingest.SiteThrottle;
import io.gridshift.aggregator.ledger.AutoSettlement;
import io.gridshift.aggregator.ledger.NodeLedger;
import io.gridshift.aggregator.metrics.AggregatorMetrics;
import io.gridshift.aggregator.mqtt.MqttDispatchSender;
import io.gridshift.aggregator.mqtt.MqttIngress;
import io.gridshift.aggregator.schedule.ScheduleBoard;
import io.gridshift.aggregator.schedule.ScheduleInbox;
import io.gridshift.aggregator.schedule.ScheduleService;
import io.gridshift.aggregator.schedule.ScheduleServiceOptions;
import io.gridshift.aggregator.schedule.SignalFeeds;
import io.gridshift.aggregator.schedule.SignalStore;
import io.gridshift.aggregator.ven.ClusterRegistrationStore;
import io.gridshift.aggregator.ven.FleetView;
import io.gridshift.aggregator.ven.GridEventLog;
import io.gridshift.aggregator.ven.RegistrationStore;
import io.gridshift.aggregator.ven.Ven;
import io.gridshift.aggregator.ven.VenPushServer;
import io.gridshift.aggregator.ven.VenRegistration;
import io.gridshift.aggregator.ven.VenSettlements;
import io.gridshift.broker.EmbeddedMqttBroker;
import io.gridshift.domain.schedule.SitePlan;
import io.gridshift.edge.codec.EdgeCodec;
import io.gridshift.edge.codec.EdgeFormat;
import io.gridshift.optimizer.Allocator;
import io.gridshift.storage.ledger.OperatorAction;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One aggregator node: a Hazelcast member with clustered Vert.x on top, the MQTT ingress (and the
 * embedded broker when none is configured), the CoAP ingress, the REST API and the housekeeping,
 * wired by constructor. Nothing here assumes the node is alone: state lives in the cluster's maps,
 * orders are chased by whichever member owns them.
 */
public final class AggregatorNode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AggregatorNode.class);
    private static final long START_TIMEOUT_S = 120;

    private final AggregatorOptions options;
    private final AggregatorMetrics metrics;
    private final HazelcastInstance hz;
    private final String nodeId;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private Vertx vertx;
    private EmbeddedMqttBroker broker;
    private String mqttUri;
    private FleetState fleet;
    private DispatchService dispatch;
    private MqttIngress mqtt;
    private CoapIngress coap;
    private HttpApi http;
    private Ven ven;
    private GridEventLog gridEvents;

    /** How long a node that stops renewing keeps the VEN: the VEN's fail-over time. */
    static final java.time.Duration VEN_LEASE = java.time.Duration.ofSeconds(3);

    /** How long a node that stops checking keeps a running event: the event's fail-over time. */
    static final java.time.Duration EVENT_LEASE = java.time.Duration.ofSeconds(3);

    private NodeLedger ledger;
    private Lease venLease;
    private ScheduleBoard scheduleBoard;
    private SignalStore signals;
    private ScheduleService schedule;
    private Lease scheduleLease;
    private MqttDispatchSender mqttSender;
    private EventOptions eventOptions = EventOptions.defaults();

    private AggregatorNode(AggregatorOptions options, AggregatorMetrics metrics) {
        this.options = options;
        this.metrics = metrics;
        this.hz = Hazelcast.newHazelcastInstance(ClusterConfigs.member(options.cluster()));
        this.nodeId = hz.getCluster().getLocalMember().getUuid().toString().substring(0, 8);
    }

    /** Starts a node and returns once it serves; blocking. */
    public static AggregatorNode start(AggregatorOptions options, Clock clock) throws Exception {
        return start(options, EventOptions.defaults(), clock);
    }

    /** Starts a node that orchestrates grid events as {@code events} says; blocking. */
    public static AggregatorNode start(AggregatorOptions options, EventOptions events, Clock clock)
            throws Exception {
        AggregatorNode node = new AggregatorNode(options, new AggregatorMetrics());
        node.eventOptions = events;
        try {
            node.startServices(clock);
            return node;
        } catch (Exception e) {
            node.close();
            throw e;
        }
    }

    private void startServices(Clock clock) throws Exception {
        vertx = await(clusteredVertx());
        mqttUri = startBrokerIfNeeded();
        fleet = new FleetState(hz, options.fleet(), clock, metrics::duplicates);
        closeables.add(fleet);
        if (options.ledger() != null) {
            ledger = new NodeLedger(options.ledger().storage(), options.ledger()::rules, clock);
        }
        DispatchJournal journal = ledger == null ? DispatchJournal.NONE : ledger;
        EdgeCodec json = EdgeCodec.of(EdgeFormat.JSON, options.codec());
        AtomicReference<MqttIngress> ingress = new AtomicReference<>();
        DispatchSender sender = sender(json, ingress);
        dispatch =
                new DispatchService(hz, fleet, sender, options.dispatch(), clock, metrics, journal);
        scheduleBoard = new ScheduleBoard(hz);
        EdgeIngest ingest =
                new EdgeIngest(
                        fleet,
                        dispatch,
                        new SiteThrottle(options.siteRate(), options.siteBurst(), clock),
                        metrics,
                        ledger == null ? t -> {} : ledger::meter,
                        new ScheduleInbox(
                                scheduleBoard = new ScheduleBoard(hz), metrics, scheduleIo()));
        mqtt = mqttIngress(ingest, json);
        ingress.set(mqtt);
        mqtt.start();
        closeables.add(0, mqtt);
        await(
                vertx.deployVerticle(
                        new Housekeeping(
                                fleet,
                                dispatch,
                                options.fleet().sweepInterval(),
                                options.dispatch().retryInterval())));
        coap =
                new CoapIngress(
                        options.coapHost(),
                        options.coapPort(),
                        ingest,
                        dispatch,
                        options.codec(),
                        nodeId,
                        options.coapDtls(),
                        scheduleBoard);
        await(vertx.deployVerticle(coap));
        startApiAndVen(clock);
        startSchedule(clock);
        await(
                vertx.deployVerticle(
                        new EventOrchestrator(
                                nodeId,
                                EVENT_LEASE,
                                hz,
                                fleet,
                                dispatch,
                                ledger == null ? null : ledger.ledger(),
                                clock,
                                eventOptions,
                                () -> new DeliveryPlanner(new Allocator(), eventOptions))));
        registerGauges();
        LOG.info(
                "aggregator node {} up: cluster {} ({} members), MQTT {}, CoAP {}:{}, HTTP {}:{}",
                nodeId,
                options.cluster().clusterName(),
                hz.getCluster().getMembers().size(),
                mqttUri,
                options.coapHost(),
                coap.port(),
                options.httpHost(),
                http.port());
    }

    /**
     * The MQTT ingress, its clients named after this member's cluster and address: stable across
     * restarts, so a restarted node takes its broker sessions back.
     */
    private MqttIngress mqttIngress(EdgeIngest ingest, EdgeCodec json) {
        var member = hz.getCluster().getLocalMember().getAddress();
        return new MqttIngress(
                mqttUri,
                options.mqtt(),
                ingest,
                json,
                nodeId,
                options.cluster().clusterName() + "-" + member.getHost() + "-" + member.getPort());
    }

    private void startApiAndVen(Clock clock) throws Exception {
        gridEvents = new GridEventLog(hz, vertx.eventBus());
        ScheduleServiceOptions so = options.schedule();
        signals = so == null ? null : new SignalStore();
        http =
                new HttpApi(
                        options.httpHost(),
                        options.httpPort(),
                        fleet,
                        dispatch,
                        gridEvents,
                        ledger,
                        metrics,
                        clock,
                        List.of(
                                new HealthProbe(
                                        "cluster", () -> hz.getLifecycleService().isRunning()),
                                new HealthProbe("mqtt", mqtt::isConnected),
                                new HealthProbe("coap", () -> coap.port() > 0)),
                        options.api(),
                        auditLog(),
                        scheduleBoard,
                        ledger == null
                                ? null
                                : GreenAccountant.of(
                                        ledger, fleet, signals, so == null ? null : so.green()));
        await(vertx.deployVerticle(http));
        if (options.ven() != null) {
            // one VEN per VTN in the cluster: the node holding the lease polls and reports
            AtomicReference<Lease> lease = new AtomicReference<>();
            ven =
                    new Ven(
                            options.ven(),
                            FleetView.of(
                                    fleet,
                                    () ->
                                            vertx.executeBlocking(gridEvents::delivering, false)
                                                    .toCompletionStage()),
                            clock,
                            ledger == null ? gridEvents : gridEvents.andThen(ledger.events()),
                            RegistrationStore.both(
                                    new ClusterRegistrationStore(hz, options.ven()),
                                    VenRegistration.fileStore(options.ven())),
                            () -> lease.get() != null && lease.get().held(),
                            new FleetFirmCapacity(hz, fleet, eventOptions, clock, this::blocking));
            Ven v = ven;
            lease.set(
                    new Lease(
                            hz, "ven " + options.ven().vtnUrl(), nodeId, VEN_LEASE, v::leadership));
            if (options.ven().push()) {
                await(vertx.deployVerticle(VenPushServer.of(options.ven(), ven, clock)));
            }
            if (ledger != null) {
                // ended events settled, and settlements reported, by the node holding the VEN
                Lease held = lease.get();
                AutoSettlement auto =
                        new AutoSettlement(
                                ledger,
                                options.ledger().auto(),
                                clock,
                                held::held,
                                s -> VenSettlements.send(v, s),
                                metrics);
                ledger.onSettled(auto::settled);
                await(vertx.deployVerticle(auto));
            }
            ven.start();
            closeables.add(0, ven);
            // closed first: the lease is given up at once, another node takes the VEN
            closeables.add(0, lease.get());
            venLease = lease.get();
        }
    }

    /** Runs {@code task} on a worker thread, not in order with other blocking tasks. */
    private void blocking(Runnable task) {
        vertx.executeBlocking(
                () -> {
                    task.run();
                    return null;
                },
                false);
    }

    /** Orders (and plans) leave through the MQTT ingress's clients or the CoAP resources. */
    private DispatchSender sender(EdgeCodec json, AtomicReference<MqttIngress> ingress) {
        mqttSender =
                new MqttDispatchSender(
                        () -> ingress.get() == null ? null : ingress.get().clients(),
                        c -> ingress.get().receiveMaximum(c),
                        options.mqtt().topics(),
                        json);
        return new RoutingSender(
                Map.of(
                        Transport.MQTT,
                        mqttSender,
                        Transport.COAP,
                        new CoapDispatchSender(vertx.eventBus())));
    }

    /** Blocking Hazelcast calls of the schedule's uplink: off the event loops and MQTT threads. */
    private java.util.concurrent.Executor scheduleIo() {
        java.util.concurrent.ExecutorService io =
                java.util.concurrent.Executors.newFixedThreadPool(
                        2,
                        r -> {
                            Thread t = new Thread(r, "gridshift-schedule-io");
                            t.setDaemon(true);
                            return t;
                        });
        closeables.add(io::shutdownNow);
        return io;
    }

    /**
     * The day-ahead schedule when the options ask for it: signals on every node (each reads the
     * feeds and hears the grid events), planning on the node holding the schedule lease.
     */
    private void startSchedule(Clock clock) {
        ScheduleServiceOptions o = options.schedule();
        if (o == null) {
            return;
        }
        SignalFeeds feeds = new SignalFeeds(signals, o, metrics);
        AtomicReference<Lease> lease = new AtomicReference<>();
        schedule =
                new ScheduleService(
                        fleet,
                        signals,
                        scheduleBoard,
                        this::publishPlan,
                        o,
                        clock,
                        metrics,
                        () -> lease.get() != null && lease.get().held());
        lease.set(
                new Lease(
                        hz,
                        "schedule " + o.planId(),
                        nodeId,
                        VEN_LEASE,
                        held -> {
                            if (held) {
                                schedule.replanNow("lease");
                            }
                        }));
        scheduleLease = lease.get();
        schedule.start();
        feeds.start(vertx.eventBus());
        closeables.add(0, feeds);
        closeables.add(0, schedule);
        closeables.add(0, scheduleLease);
    }

    /** A plan version to its site: retained on MQTT, and a change of the CoAP plan resource. */
    private java.util.concurrent.CompletionStage<Void> publishPlan(SitePlan plan) {
        vertx.eventBus().publish(CoapIngress.PLAN_CHANGED_ADDRESS, plan.site().value());
        return mqttSender.send(plan);
    }

    /**
     * The API's audit log: the ledger's operator actions when the node keeps a ledger, else the
     * configured JSON-lines file, else the application log.
     */
    private AuditLog auditLog() {
        if (ledger != null) {
            return e ->
                    ledger.ledger()
                            .recordOperatorAction(
                                    new OperatorAction(
                                            e.actor(), e.action(), e.target(), e.detail(), e.at()));
        }
        Path file = options.api().auditFile();
        return file == null ? e -> LOG.info("audit: {}", e) : new JsonLinesAuditLog(file);
    }

    private Future<Vertx> clusteredVertx() {
        VertxOptions vo =
                new VertxOptions()
                        .setEventBusOptions(
                                new EventBusOptions()
                                        .setHost(options.cluster().host())
                                        .setPort(options.cluster().eventBusPort()))
                        .setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true));
        return Vertx.builder()
                .with(vo)
                .withClusterManager(new HazelcastClusterManager(hz))
                .withMetrics(new MicrometerMetricsFactory(metrics.registry()))
                .buildClustered();
    }

    private String startBrokerIfNeeded() throws IOException {
        if (options.mqtt().server() != null) {
            return options.mqtt().server().toString();
        }
        int port = options.mqtt().embeddedPort();
        if (port == 0) {
            port = FreePort.tcp();
        }
        Path folder = Files.createTempDirectory("gridshift-broker-");
        broker = new EmbeddedMqttBroker(options.mqtt().embeddedHost(), port, folder);
        broker.start();
        LOG.info("no MQTT broker configured: embedded broker on {}", broker.uri());
        return broker.uri();
    }

    private void registerGauges() {
        metrics.gauge(
                "gridshift.sites.online",
                "Sites online among those this node's member owns (sum over nodes for the fleet)",
                () -> fleet.memberSummary().sitesOnline());
        metrics.gauge(
                "gridshift.fleet.load.kw",
                "Facility load of the online sites this node's member owns, kW",
                () -> fleet.memberSummary().loadKw());
        metrics.gauge(
                "gridshift.fleet.flex.kw",
                "Reduction available now from the sites this node's member owns, kW",
                () -> fleet.memberSummary().flexKw());
        metrics.gauge(
                "gridshift.ingest.backlog",
                "Readings queued on this node, not yet filed",
                () -> fleet.backlog());
        metrics.gauge(
                "gridshift.mqtt.clients.connected",
                "This node's MQTT ingress clients connected to the broker",
                () -> mqtt.connectedClients());
        metrics.gauge(
                "gridshift.mqtt.unstored",
                "QoS 1 messages this node could not store and left unacknowledged for redelivery",
                () -> mqtt.unstored());
        metrics.gauge(
                "gridshift.cluster.members",
                "Members of the cluster as this node sees it",
                () -> hz.getCluster().getMembers().size());
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage()
                .toCompletableFuture()
                .get(START_TIMEOUT_S, TimeUnit.SECONDS);
    }

    public String nodeId() {
        return nodeId;
    }

    /** The broker the node's MQTT ingress uses (the embedded one's when none was configured). */
    public String mqttUri() {
        return mqttUri;
    }

    /** The CoAP server's UDP port. */
    public int coapPort() {
        return coap.port();
    }

    /** The REST API's port. */
    public int httpPort() {
        return http.port();
    }

    /** Whether this node plans the cluster's day-ahead schedule now (holds its lease). */
    public boolean runsSchedule() {
        return scheduleLease != null && scheduleLease.held();
    }

    /** The schedule service, when the options ask for one. */
    public Optional<ScheduleService> schedule() {
        return Optional.ofNullable(schedule);
    }

    /** This node's price and carbon forecasts, when the schedule runs. */
    public Optional<SignalStore> signals() {
        return Optional.ofNullable(signals);
    }

    /** The schedule's cluster state (jobs reports, plans, acks, summary). */
    public ScheduleBoard scheduleBoard() {
        return scheduleBoard;
    }

    /** Whether this node runs the cluster's VEN now (holds its lease). */
    public boolean runsVen() {
        return venLease != null && venLease.held();
    }

    /** This node's ledger, when the options keep one. */
    public Optional<NodeLedger> ledger() {
        return Optional.ofNullable(ledger);
    }

    /** The grid events the VEN received, as recorded on the cluster. */
    public GridEventLog gridEvents() {
        return gridEvents;
    }

    /** The OpenADR 2.0b VEN, when the options configure one. */
    public Optional<Ven> ven() {
        return Optional.ofNullable(ven);
    }

    public FleetState fleet() {
        return fleet;
    }

    public DispatchService dispatch() {
        return dispatch;
    }

    public AggregatorMetrics metrics() {
        return metrics;
    }

    public MqttIngress mqtt() {
        return mqtt;
    }

    public Vertx vertx() {
        return vertx;
    }

    public HazelcastInstance hazelcast() {
        return hz;
    }

    /** Stops the node's services, leaves the cluster, stops the embedded broker. */
    @Override
    public void close() {
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed: {}", c, e.toString());
            }
        }
        closeables.clear();
        if (vertx != null) {
            try {
                await(vertx.close());
            } catch (Exception e) {
                LOG.warn("closing Vert.x failed: {}", e.toString());
            }
        }
        if (ledger != null) {
            // last: what the API or the retries still write goes in before it closes
            ledger.close();
        }
        if (hz.getLifecycleService().isRunning()) {
            hz.shutdown();
        }
        if (broker != null) {
            broker.close();
        }
    }
}
