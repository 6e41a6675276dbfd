package io.gridshift.vtn;

import io.gridshift.fixtures.tls.TlsMaterial;
import io.gridshift.openadr.codec.OadrCodec;
import io.gridshift.openadr.message.OadrMessages;
import io.gridshift.openadr.security.OadrFingerprint;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.openadr.oadr20b.OadrResponseType;
import org.openadr.oadr20b.ei.EiResponseType;

/**
 * The push side of a test VEN: an HTTPS server (mutual TLS, the party's certificate) that takes
 * what the VTN pushes to {@code /EiEvent} and {@code /EiReport}, records it with the fingerprint of
 * the VTN's certificate, and answers with {@link #answer} (an oadrResponse 200 unless set). The
 * first {@link #failFirst} requests get HTTP 503, to exercise the VTN's retries.
 */
final class PushReceiver implements AutoCloseable {
    record Pushed(String service, Object message, String vtnFingerprint) {}

    final Queue<Pushed> received = new ConcurrentLinkedQueue<>();
    final AtomicInteger failFirst = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    volatile Function<Object, Object> answer = m -> ok();
    private final OadrCodec codec = new OadrCodec();
    private final HttpServer server;

    PushReceiver(Vertx vertx, TlsMaterial tls, String party) throws Exception {
        HttpServerOptions options =
                new HttpServerOptions()
                        .setHost("127.0.0.1")
                        .setPort(0)
                        .setSsl(true)
                        .setClientAuth(ClientAuth.REQUIRED)
                        .setKeyCertOptions(
                                new PemKeyCertOptions()
                                        .setCertPath(tls.pem(party).toString())
                                        .setKeyPath(tls.key(party).toString()))
                        .setTrustOptions(new PemTrustOptions().addCertPath(tls.caPem().toString()));
        server =
                vertx.createHttpServer(options)
                        .requestHandler(req -> req.body().onSuccess(body -> handle(req, body)))
                        .listen()
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(30, TimeUnit.SECONDS);
    }

    private void handle(HttpServerRequest req, Buffer body) {
        if (failFirst.getAndDecrement() > 0) {
            refused.incrementAndGet();
            req.response().setStatusCode(503).end();
            return;
        }
        Object m = OadrMessages.body(codec.readPayload(body.getBytes()).getOadrSignedObject());
        String service = req.path().substring(req.path().lastIndexOf('/') + 1);
        received.add(new Pushed(service, m, fingerprint(req)));
        byte[] xml = codec.write(OadrMessages.payload(answer.apply(m)));
        req.response().putHeader("content-type", "application/xml").end(Buffer.buffer(xml));
    }

    /** Where the VTN should push: {@code https://127.0.0.1:<port>/OpenADR2/Simple/2.0b}. */
    String address() {
        return "https://127.0.0.1:" + server.actualPort() + "/OpenADR2/Simple/2.0b";
    }

    <T> List<T> messages(Class<T> type) {
        return received.stream()
                .map(Pushed::message)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    private static String fingerprint(HttpServerRequest req) {
        try {
            return OadrFingerprint.of((X509Certificate) req.connection().peerCertificates().get(0));
        } catch (Exception e) {
            return null;
        }
    }

    static OadrResponseType ok() {
        EiResponseType r = new EiResponseType();
        r.setResponseCode("200");
        r.setResponseDescription("OK");
        r.setRequestID("");
        OadrResponseType response = new OadrResponseType();
        response.setSchemaVersion("2.0b");
        response.setEiResponse(r);
        return response;
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
}
