package io.gridshift.vtn;

import io.gridshift.openadr.codec.OadrCodec;
import io.gridshift.openadr.event.OadrEventMapper;
import io.gridshift.vtn.api.EventsApi;
import io.gridshift.vtn.api.RecordsApi;
import io.gridshift.vtn.event.EventStore;
import io.gridshift.vtn.oadr.Distributor;
import io.gridshift.vtn.oadr.EiEventService;
import io.gridshift.vtn.oadr.OadrEndpoint;
import io.gridshift.vtn.oadr.OptService;
import io.gridshift.vtn.oadr.PollService;
import io.gridshift.vtn.oadr.RegistrationService;
import io.gridshift.vtn.oadr.ReportRequests;
import io.gridshift.vtn.oadr.ReportService;
import io.gridshift.vtn.oadr.VenAuthenticator;
import io.gridshift.vtn.oadr.VenOutbox;
import io.gridshift.vtn.opt.OptStore;
import io.gridshift.vtn.push.Pusher;
import io.gridshift.vtn.report.ReportStore;
import io.gridshift.vtn.ven.VenRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VTN: the OpenADR 2.0b simpleHttp endpoints under {@link OadrEndpoint#BASE} and the operators'
 * REST API under {@link EventsApi#BASE}, over HTTPS with mutual TLS 1.2 when {@link
 * VtnConfig#tls()} is set, plain HTTP otherwise.
 */
public final class VtnVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(VtnVerticle.class);

    private final VtnConfig config;
    private final VenRegistry vens;
    private final EventStore events;
    private final OadrCodec codec;
    private final Clock clock;
    private final ReportStore reports = new ReportStore();
    private final OptStore opts = new OptStore();
    private final VenOutbox outbox = new VenOutbox();
    private volatile int port = -1;
    private HttpServer server;
    private HttpClient pushClient;

    public VtnVerticle(
            VtnConfig config, VenRegistry vens, EventStore events, OadrCodec codec, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.vens = Objects.requireNonNull(vens, "vens");
        this.events = Objects.requireNonNull(events, "events");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The port it listens on once deployed; -1 before. */
    public int port() {
        return port;
    }

    /** The VENs' reports as recorded. */
    public ReportStore reports() {
        return reports;
    }

    /** The VENs' opt schedules as recorded. */
    public OptStore opts() {
        return opts;
    }

    @Override
    public Future<?> start() {
        pushClient = vertx.createHttpClient(clientOptions());
        return vertx.createHttpServer(serverOptions())
                .requestHandler(router())
                .listen()
                .onSuccess(
                        s -> {
                            server = s;
                            port = s.actualPort();
                            LOG.info(
                                    "VTN {} listening on {}://{}:{}",
                                    config.vtnId(),
                                    config.tls() == null ? "http" : "https",
                                    config.host(),
                                    port);
                        });
    }

    @Override
    public Future<?> stop() {
        Future<Void> client = pushClient == null ? Future.succeededFuture() : pushClient.close();
        return server == null ? client : Future.all(client, server.close());
    }

    private HttpServerOptions serverOptions() {
        HttpServerOptions options =
                new HttpServerOptions().setHost(config.host()).setPort(config.port());
        VtnTls tls = config.tls();
        if (tls != null) {
            options.setSsl(true)
                    .setClientAuth(ClientAuth.REQUIRED)
                    .setEnabledSecureTransportProtocols(Set.of(VtnTls.PROTOCOL))
                    .setKeyCertOptions(
                            new PemKeyCertOptions()
                                    .setCertPath(tls.certPem().toString())
                                    .setKeyPath(tls.keyPem().toString()))
                    .setTrustOptions(new PemTrustOptions().addCertPath(tls.caPem().toString()));
        }
        return options;
    }

    private HttpClientOptions clientOptions() {
        HttpClientOptions options =
                new HttpClientOptions()
                        .setConnectTimeout((int) config.push().timeout().toMillis())
                        .setKeepAlive(true);
        VtnTls tls = config.tls();
        if (tls != null) {
            options.setVerifyHost(true)
                    .setEnabledSecureTransportProtocols(Set.of(VtnTls.PROTOCOL))
                    .setKeyCertOptions(
                            new PemKeyCertOptions()
                                    .setCertPath(tls.certPem().toString())
                                    .setKeyPath(tls.keyPem().toString()))
                    .setTrustOptions(new PemTrustOptions().addCertPath(tls.caPem().toString()));
        }
        return options;
    }

    private Router router() {
        Distributor distributor = new Distributor(config, events, new OadrEventMapper(), clock);
        EiEventService eiEvent = new EiEventService(vens, events, distributor, clock);
        Pusher pusher =
                new Pusher(
                        vertx,
                        pushClient,
                        codec,
                        vens,
                        distributor,
                        outbox,
                        eiEvent,
                        config.push());
        ReportService eiReport =
                new ReportService(
                        vens,
                        reports,
                        new ReportRequests(config.reportGranularity()),
                        pusher,
                        clock);
        OadrEndpoint oadr =
                new OadrEndpoint(
                        codec,
                        Map.of(
                                "EiRegisterParty", new RegistrationService(config, vens, clock),
                                "EiEvent", eiEvent,
                                "OadrPoll", new PollService(vens, distributor, outbox),
                                "EiReport", eiReport,
                                "EiOpt", new OptService(vens, opts, clock)),
                        new VenAuthenticator(vens, config.tls()));
        Router router = Router.router(vertx);
        router.post(OadrEndpoint.BASE + ":service")
                .handler(
                        BodyHandler.create()
                                .setBodyLimit(codec.options().maxDocumentBytes())
                                .setHandleFileUploads(false))
                .handler(oadr::handle);
        new EventsApi(
                        events,
                        clock,
                        stored -> stored.vens().forEach(v -> pusher.pushEvents(v.venId())))
                .mount(router);
        new RecordsApi(vens, events, reports, opts, outbox, eiReport, clock).mount(router);
        return router;
    }
}
