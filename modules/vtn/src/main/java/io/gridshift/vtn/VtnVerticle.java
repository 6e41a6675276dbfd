package io.gridshift.vtn;

import io.gridshift.openadr.codec.OadrCodec;
import io.gridshift.openadr.event.OadrEventMapper;
import io.gridshift.vtn.api.EventsApi;
import io.gridshift.vtn.event.EventStore;
import io.gridshift.vtn.oadr.Distributor;
import io.gridshift.vtn.oadr.EiEventService;
import io.gridshift.vtn.oadr.OadrEndpoint;
import io.gridshift.vtn.oadr.PollService;
import io.gridshift.vtn.oadr.RegistrationService;
import io.gridshift.vtn.oadr.ReportOptService;
import io.gridshift.vtn.ven.VenRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VTN over plain HTTP: the OpenADR 2.0b simpleHttp endpoints under {@link OadrEndpoint#BASE}
 * and the operators' REST API under {@link EventsApi#BASE}.
 */
public final class VtnVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(VtnVerticle.class);

    private final VtnConfig config;
    private final VenRegistry vens;
    private final EventStore events;
    private final OadrCodec codec;
    private final Clock clock;
    private volatile int port = -1;
    private HttpServer server;

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

    @Override
    public Future<?> start() {
        return vertx.createHttpServer(
                        new HttpServerOptions().setHost(config.host()).setPort(config.port()))
                .requestHandler(router())
                .listen()
                .onSuccess(
                        s -> {
                            server = s;
                            port = s.actualPort();
                            LOG.info(
                                    "VTN {} listening on {}:{}",
                                    config.vtnId(),
                                    config.host(),
                                    port);
                        });
    }

    @Override
    public Future<?> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    private Router router() {
        Distributor distributor = new Distributor(config, events, new OadrEventMapper(), clock);
        ReportOptService reportsAndOpts = new ReportOptService(vens);
        OadrEndpoint oadr =
                new OadrEndpoint(
                        codec,
                        Map.of(
                                "EiRegisterParty", new RegistrationService(config, vens, clock),
                                "EiEvent", new EiEventService(vens, events, distributor, clock),
                                "OadrPoll", new PollService(vens, distributor),
                                "EiReport", reportsAndOpts,
                                "EiOpt", reportsAndOpts));
        Router router = Router.router(vertx);
        router.post(OadrEndpoint.BASE + ":service")
                .handler(
                        BodyHandler.create()
                                .setBodyLimit(codec.options().maxDocumentBytes())
                                .setHandleFileUploads(false))
                .handler(oadr::handle);
        new EventsApi(events, clock).mount(router);
        return router;
    }
}
