package io.gridshift.aggregator.ven;

import io.gridshift.openadr.codec.OadrCodec;
import io.gridshift.openadr.codec.OadrCodecException;
import io.gridshift.openadr.message.OadrMessages;
import io.gridshift.openadr.message.OadrResponseCode;
import io.gridshift.openadr.security.OadrFingerprint;
import io.gridshift.openadr.security.OadrSignatureException;
import io.gridshift.openadr.security.OadrSignatures;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.PfxOptions;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.openadr.oadr20b.OadrPayload;
import org.openadr.oadr20b.OadrResponseType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VEN's own simpleHttp endpoint for a VTN that pushes ({@link VenOptions#pushUrl()}, the
 * transportAddress the VEN registers with): {@code POST <its path>/{EiEvent,EiReport,
 * EiRegisterParty,EiOpt}}. With the VEN's TLS it requires the VTN's client certificate and, when
 * configured, checks its fingerprint. A message that is not a schema-valid 2.0b document is
 * answered with an {@code oadrResponse} carrying 454 (or 453 for a foreign root), a VTN with the
 * wrong certificate with 463; nothing crashes.
 */
public final class VenPushServer extends AbstractVerticle {
    private static final Logger LOG = LoggerFactory.getLogger(VenPushServer.class);
    private static final String XML = "application/xml";

    private final String host;
    private final int port;
    private final String base;
    private final VenTls tls;
    private final OadrCodec codec;
    private final Ven ven;
    private final OadrSignatures signatures;
    private HttpServer server;

    /**
     * @param port the port to listen on; 0 for any free one ({@link #port()})
     * @param path the path of the push URL; the services are under it
     * @param tls the VEN's TLS; {@code null}: plain HTTP
     * @param signatures XML signatures required on what is pushed and put on the replies; {@code
     *     null}: none
     */
    public VenPushServer(
            String host,
            int port,
            String path,
            VenTls tls,
            OadrCodec codec,
            Ven ven,
            OadrSignatures signatures) {
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.base = base(path);
        this.tls = tls;
        this.codec = Objects.requireNonNull(codec, "codec");
        this.ven = Objects.requireNonNull(ven, "ven");
        this.signatures = signatures;
    }

    /**
     * The push server {@code options} describe: it listens on all interfaces at the port of {@code
     * ven.pushUrl} (its scheme's default when it names none), under its path.
     */
    public static VenPushServer of(VenOptions options, Ven ven, java.time.Clock clock) {
        java.net.URI push = options.pushUrl();
        int port =
                push.getPort() > 0 ? push.getPort() : "https".equals(push.getScheme()) ? 443 : 80;
        return new VenPushServer(
                "0.0.0.0",
                port,
                push.getPath(),
                options.tls(),
                new OadrCodec(
                        io.gridshift.openadr.codec.OadrCodecOptions.DEFAULTS.withValidate(
                                options.validate())),
                ven,
                options.xmlSignature() ? options.tls().signatures(clock) : null);
    }

    /** The path prefix of the services: the push URL's path, ending in a slash. */
    static String base(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        return path.endsWith("/") ? path : path + "/";
    }

    /** The port it listens on, once started. */
    public int port() {
        return server == null ? -1 : server.actualPort();
    }

    @Override
    public void start(Promise<Void> started) {
        HttpServerOptions o = new HttpServerOptions().setHost(host).setPort(port);
        if (tls != null) {
            o.setSsl(true)
                    .setKeyCertOptions(
                            new PfxOptions()
                                    .setPath(tls.keyStore().toString())
                                    .setPassword(tls.keyStorePassword()))
                    .setTrustOptions(
                            new PfxOptions()
                                    .setPath(tls.trustStore().toString())
                                    .setPassword(tls.trustStorePassword()))
                    .setClientAuth(ClientAuth.REQUIRED)
                    .setEnabledSecureTransportProtocols(new HashSet<>(tls.protocols()));
        }
        server = vertx.createHttpServer(o).requestHandler(this::handle);
        server.listen().<Void>mapEmpty().onComplete(started);
    }

    @Override
    public void stop(Promise<Void> stopped) {
        (server == null ? Future.<Void>succeededFuture() : server.close()).onComplete(stopped);
    }

    private void handle(HttpServerRequest request) {
        String path = request.path();
        if (!path.startsWith(base) || request.method() != io.vertx.core.http.HttpMethod.POST) {
            request.response().setStatusCode(404).end();
            return;
        }
        String refusal = peerRefusal(request);
        if (refusal != null) {
            LOG.warn("push from {} refused: {}", request.remoteAddress(), refusal);
            reply(request, response(OadrResponseCode.NOT_REGISTERED_OR_AUTHORIZED, refusal));
            return;
        }
        request.body()
                .onSuccess(body -> read(request, body))
                .onFailure(e -> request.response().setStatusCode(400).end());
    }

    private void read(HttpServerRequest request, Buffer body) {
        OadrPayload payload;
        if (signatures != null) {
            String refused = signatureRefusal(body.getBytes());
            if (refused != null) {
                LOG.warn("push from {} refused: {}", request.remoteAddress(), refused);
                reply(request, response(OadrResponseCode.NOT_REGISTERED_OR_AUTHORIZED, refused));
                return;
            }
        }
        try {
            payload = codec.readPayload(body.getBytes());
        } catch (OadrCodecException e) {
            reply(request, response(OadrResponseCode.of(e), e.getMessage()));
            return;
        }
        Object message = OadrMessages.body(payload.getOadrSignedObject());
        CompletionStage<VenAnswer> answer = ven.pushed(message);
        Future.fromCompletionStage(answer, context)
                .onSuccess(
                        a -> {
                            reply(request, a.reply());
                            a.followUp()
                                    .get()
                                    .whenComplete(
                                            (x, e) -> {
                                                if (e != null) {
                                                    LOG.warn(
                                                            "after answering a pushed {}: {}",
                                                            OadrMessages.name(
                                                                    payload.getOadrSignedObject()),
                                                            e.toString());
                                                }
                                            });
                        })
                .onFailure(
                        e ->
                                reply(
                                        request,
                                        response(
                                                OadrResponseCode.DEPLOYMENT_ERROR_OTHER,
                                                e.getMessage())));
    }

    /** Why the pushed message's XML signature is refused, or null. */
    private String signatureRefusal(byte[] body) {
        try {
            X509Certificate signer = signatures.verify(body);
            String expected = tls == null ? null : tls.vtnFingerprint();
            if (expected != null && !expected.equals(OadrFingerprint.of(signer))) {
                return "signed by " + OadrFingerprint.of(signer) + ", not the VTN";
            }
            return null;
        } catch (OadrSignatureException e) {
            return "XML signature " + e.reason() + ": " + e.getMessage();
        }
    }

    /** Why the VTN's certificate is refused, or null. */
    private String peerRefusal(HttpServerRequest request) {
        if (tls == null || tls.vtnFingerprint() == null) {
            return null;
        }
        try {
            List<Certificate> chain = request.connection().peerCertificates();
            if (chain.isEmpty() || !(chain.get(0) instanceof X509Certificate cert)) {
                return "no client certificate";
            }
            String actual = OadrFingerprint.of(cert);
            return actual.equals(tls.vtnFingerprint())
                    ? null
                    : "certificate fingerprint " + actual + " is not the VTN's";
        } catch (SSLPeerUnverifiedException e) {
            return "no verified client certificate";
        }
    }

    private void reply(HttpServerRequest request, Object message) {
        byte[] xml = codec.write(OadrMessages.payload(message));
        if (signatures != null) {
            xml = signatures.sign(xml);
        }
        request.response().putHeader("content-type", XML).end(Buffer.buffer(xml));
    }

    static OadrResponseType response(OadrResponseCode code, String description) {
        OadrResponseType r = new OadrResponseType();
        r.setSchemaVersion("2.0b");
        r.setEiResponse(code.response(null, description));
        return r;
    }
}
