package io.gridshift.vtn.oadr;

import io.gridshift.domain.error.GridshiftException;
import io.gridshift.openadr.codec.OadrCodec;
import io.gridshift.openadr.codec.OadrCodecException;
import io.gridshift.openadr.message.OadrMessages;
import io.gridshift.openadr.message.OadrResponseCode;
import io.gridshift.openadr.security.OadrFingerprint;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.ext.web.RoutingContext;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.openadr.oadr20b.OadrPayload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simpleHttp profile: {@code POST /OpenADR2/Simple/2.0b/<service>} with an {@code oadrPayload}
 * body, answered with one in {@code application/xml}. Every document read and written goes through
 * the validating {@link OadrCodec}, on a worker thread (reading and validating a document costs
 * more than the event loop should spend on one request). A document that is not XML gets HTTP 400
 * (413 when too large), one that is XML but not a valid 2.0b message gets HTTP 200 and an {@code
 * oadrResponse} with 454 (invalid data) or 453 (not recognized), as does a message sent to the
 * wrong service. Over TLS, a message naming a venID registered with another certificate is refused
 * with 463 before any service sees it.
 */
public final class OadrEndpoint {
    public static final String BASE = "/OpenADR2/Simple/2.0b/";
    public static final String CONTENT_TYPE = "application/xml";

    private static final Logger LOG = LoggerFactory.getLogger(OadrEndpoint.class);

    private final OadrCodec codec;
    private final Map<String, OadrService> services;
    private final VenAuthenticator authenticator;

    /**
     * @param services by the last segment of their path, e.g. {@code EiEvent}
     */
    public OadrEndpoint(
            OadrCodec codec, Map<String, OadrService> services, VenAuthenticator authenticator) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.services = Map.copyOf(services);
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    }

    /** The handler of {@code POST BASE + ":service"} (after a body handler). */
    public void handle(RoutingContext ctx) {
        String name = ctx.pathParam("service");
        OadrService service = services.get(name);
        if (service == null) {
            ctx.response().setStatusCode(404).end();
            return;
        }
        Buffer body = ctx.body().buffer();
        byte[] bytes = body == null ? new byte[0] : body.getBytes();
        Sender sender = sender(ctx.request().connection());
        String path = ctx.request().path();
        ctx.vertx()
                .executeBlocking(() -> answer(service, name, bytes, sender, path), false)
                .onComplete(
                        done -> {
                            if (done.failed()) {
                                LOG.error("{} failed", path, done.cause());
                                ctx.response().setStatusCode(500).end();
                                return;
                            }
                            Answer a = done.result();
                            ctx.response()
                                    .setStatusCode(a.status())
                                    .putHeader("content-type", CONTENT_TYPE)
                                    .end(Buffer.buffer(a.xml()));
                        });
    }

    private record Answer(int status, byte[] xml) {}

    /** Reads, checks, answers and writes one document; runs on a worker. */
    private Answer answer(
            OadrService service, String name, byte[] bytes, Sender sender, String path) {
        int status = 200;
        Object answer;
        try {
            answer = dispatch(service, codec.readPayload(bytes), name, sender);
        } catch (OadrCodecException e) {
            LOG.info("{} refused: {}", path, e.getMessage());
            status = OadrResponseCode.httpStatus(e);
            answer = Replies.response(OadrResponseCode.of(e), e.reason(), null, null);
        } catch (GridshiftException e) {
            LOG.info("{} refused: {}", path, e.getMessage());
            answer = Replies.response(OadrResponseCode.INVALID_DATA, e.reason(), null, null);
        }
        return new Answer(status, codec.write(OadrMessages.payload(answer)));
    }

    private Object dispatch(OadrService service, OadrPayload payload, String name, Sender sender) {
        Object message = OadrMessages.body(payload.getOadrSignedObject());
        Optional<Object> refused = authenticator.refusal(message, sender);
        if (refused.isPresent()) {
            return refused.get();
        }
        return service.handle(message, sender)
                .orElseGet(
                        () ->
                                Replies.response(
                                        OadrResponseCode.NOT_RECOGNIZED,
                                        OadrMessages.name(payload.getOadrSignedObject())
                                                + " is not a message of "
                                                + name,
                                        null,
                                        MessageVen.of(message)));
    }

    /** The sender as the TLS session shows it: the fingerprint of its certificate. */
    static Sender sender(HttpConnection connection) {
        if (connection == null || !connection.isSsl()) {
            return Sender.PLAIN;
        }
        try {
            List<Certificate> chain = connection.peerCertificates();
            if (chain != null && !chain.isEmpty() && chain.get(0) instanceof X509Certificate c) {
                return new Sender(OadrFingerprint.of(c));
            }
        } catch (SSLPeerUnverifiedException e) {
            LOG.debug("no client certificate", e);
        }
        // Client authentication is required, so the handshake cannot have ended without one;
        // a fingerprint no VEN has keeps such a sender out all the same.
        return new Sender("00:00:00:00:00:00:00:00:00:00");
    }
}
