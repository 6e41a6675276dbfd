package io.gridshift.aggregator.coap;

import io.gridshift.aggregator.dispatch.DispatchService;
import io.gridshift.aggregator.fleet.Origin;
import io.gridshift.aggregator.fleet.Transport;
import io.gridshift.aggregator.ingest.EdgeIngest;
import io.gridshift.aggregator.schedule.ScheduleBoard;
import io.gridshift.domain.Ids;
import io.gridshift.domain.site.SiteId;
import io.gridshift.edge.CoapPaths;
import io.gridshift.edge.codec.EdgeCodecOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import java.net.InetSocketAddress;
import java.util.Objects;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedMultiPskStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's CoAP side of the edge protocol (RFC 7252, Observe RFC 7641): a Californium server
 * serving {@code /v1/sites/{site}/{channel}} for any site. Uplink requests go through {@link
 * EdgeIngest}; a site observing its dispatch resource here is notified when the event bus says its
 * order changed ({@link CoapDispatchSender#CHANGED_ADDRESS}, published to every node, since only
 * the node a site observes has its relation).
 *
 * <p>Californium runs its own threads; binding the socket blocks, so it starts and stops on a
 * Vert.x worker, never on the event loop.
 */
public final class CoapIngress extends VerticleBase {
    /**
     * Event-bus address a site's new plan version is announced on (the body is the site id); the
     * node the site observes notifies it.
     */
    public static final String PLAN_CHANGED_ADDRESS = PlanResource.CHANGED_ADDRESS;

    private static final Logger LOG = LoggerFactory.getLogger(CoapIngress.class);

    static {
        // Californium reads its settings from registered modules; without these it has none
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
    }

    private final String host;
    private final int port;
    private final EdgeIngest ingest;
    private final DispatchService dispatch;
    private final EdgeCodecOptions codecOptions;
    private final Origin origin;
    private final CoapDtlsOptions dtls;

    private volatile int boundPort = -1;
    private CoapServer server;
    private SitesResource sites;
    private MessageConsumer<String> changes;
    private MessageConsumer<String> planChanges;
    private final ScheduleBoard board;

    /**
     * @param host the address to bind
     * @param port the UDP port; 0 picks a free one (see {@link #port()})
     * @param codecOptions the decode limits; the largest payload also bounds block-wise bodies
     * @param nodeId this node's id, recorded as the origin of what arrives here
     */
    public CoapIngress(
            String host,
            int port,
            EdgeIngest ingest,
            DispatchService dispatch,
            EdgeCodecOptions codecOptions,
            String nodeId) {
        this(host, port, ingest, dispatch, codecOptions, nodeId, null);
    }

    /**
     * As above, with DTLS when {@code dtls} is not {@code null}: the port then speaks only CoAP
     * over DTLS with a pre-shared key per site, and each site's resources answer only that site.
     */
    public CoapIngress(
            String host,
            int port,
            EdgeIngest ingest,
            DispatchService dispatch,
            EdgeCodecOptions codecOptions,
            String nodeId,
            CoapDtlsOptions dtls) {
        this(host, port, ingest, dispatch, codecOptions, nodeId, dtls, null);
    }

    /** As above, serving each site's plan resource from {@code board} ({@code null}: none). */
    public CoapIngress(
            String host,
            int port,
            EdgeIngest ingest,
            DispatchService dispatch,
            EdgeCodecOptions codecOptions,
            String nodeId,
            CoapDtlsOptions dtls,
            ScheduleBoard board) {
        this.board = board;
        this.dtls = dtls;
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.ingest = Objects.requireNonNull(ingest, "ingest");
        this.dispatch = Objects.requireNonNull(dispatch, "dispatch");
        this.codecOptions = Objects.requireNonNull(codecOptions, "codecOptions");
        this.origin = new Origin(Transport.COAP, nodeId);
    }

    /** The bound UDP port once deployed; -1 before. */
    public int port() {
        return boundPort;
    }

    /** How many clients observe the site's dispatch resource on this node (diagnostics, tests). */
    int observers(SiteId site) {
        SitesResource current;
        synchronized (this) {
            current = sites;
        }
        DispatchResource resource = current == null ? null : current.existingDispatch(site);
        return resource == null ? 0 : resource.getObserverCount();
    }

    @Override
    public Future<?> start() {
        return vertx.executeBlocking(this::startServer)
                .compose(
                        bound -> {
                            boundPort = bound;
                            changes =
                                    vertx.eventBus()
                                            .consumer(
                                                    CoapDispatchSender.CHANGED_ADDRESS,
                                                    this::orderChanged);
                            planChanges =
                                    vertx.eventBus()
                                            .consumer(PLAN_CHANGED_ADDRESS, this::planChanged);
                            return changes.completion().compose(v -> planChanges.completion());
                        })
                .onSuccess(
                        v ->
                                LOG.info(
                                        "CoAP ingress listening on {}:{}{}",
                                        host,
                                        boundPort,
                                        dtls == null ? "" : " (DTLS, " + dtls + ")"));
    }

    @Override
    public Future<?> stop() {
        if (planChanges != null) {
            planChanges.unregister();
        }
        Future<Void> unregistered =
                changes == null ? Future.succeededFuture() : changes.unregister();
        return unregistered.eventually(
                () ->
                        vertx.executeBlocking(
                                () -> {
                                    stopServer();
                                    return null;
                                }));
    }

    private int startServer() {
        Configuration config = Configuration.createStandardWithoutFile();
        // the codec judges the size of a payload (and counts a refusal); Californium only has
        // to let block-wise bodies up to that size through
        config.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, codecOptions.maxPayloadBytes());
        CoapServer s = new CoapServer(config);
        CoapEndpoint.Builder endpoint = new CoapEndpoint.Builder().setConfiguration(config);
        if (dtls == null) {
            endpoint.setInetSocketAddress(new InetSocketAddress(host, port));
        } else {
            endpoint.setConnector(dtlsConnector(config));
        }
        s.addEndpoint(endpoint.build());
        EdgeCodecs codecs = new EdgeCodecs(codecOptions);
        SitesResource siteTree = new SitesResource(ingest, dispatch, codecs, origin, board);
        CoapResource v1 = new CoapResource(CoapPaths.VERSION_SEGMENT);
        v1.add(siteTree);
        s.add(v1);
        s.setMessageDeliverer(
                new EdgeDeliverer(s.getRoot(), siteTree, ingest, origin, dtls != null));
        try {
            s.start();
        } catch (RuntimeException e) {
            s.destroy();
            throw e;
        }
        synchronized (this) {
            server = s;
            sites = siteTree;
        }
        return s.getEndpoints().get(0).getAddress().getPort();
    }

    private DTLSConnector dtlsConnector(Configuration config) {
        AdvancedMultiPskStore keys = new AdvancedMultiPskStore();
        dtls.keys().forEach(keys::setKey);
        return new DTLSConnector(
                DtlsConnectorConfig.builder(config)
                        .setAddress(new InetSocketAddress(host, port))
                        .set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.SERVER_ONLY)
                        .setAdvancedPskStore(keys)
                        .build());
    }

    private void stopServer() {
        CoapServer s;
        synchronized (this) {
            s = server;
            server = null;
            sites = null;
        }
        if (s != null) {
            s.destroy();
            LOG.info("CoAP ingress on {}:{} stopped", host, boundPort);
        }
    }

    /**
     * A site's order changed somewhere in the cluster: notify its observers here. A site nobody
     * observes on this node gets no resources made for it.
     */
    private void orderChanged(Message<String> message) {
        String site = message.body();
        SitesResource current;
        synchronized (this) {
            current = sites;
        }
        if (current == null || site == null || !Ids.isValid(site)) {
            return;
        }
        DispatchResource resource = current.existingDispatch(new SiteId(site));
        if (resource != null && resource.getObserverCount() > 0) {
            // the notification's GET reads Hazelcast asynchronously: the event loop does not wait
            resource.changed();
        }
    }

    private void planChanged(Message<String> message) {
        String site = message.body();
        SitesResource current;
        synchronized (this) {
            current = sites;
        }
        if (current == null || site == null || !Ids.isValid(site)) {
            return;
        }
        PlanResource resource = current.existingPlan(new SiteId(site));
        if (resource != null && resource.getObserverCount() > 0) {
            resource.changed();
        }
    }
}
