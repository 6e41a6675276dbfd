package io.gridshift.vtn;

import io.gridshift.fixtures.tls.TlsMaterial;
import io.gridshift.openadr.codec.OadrCodec;
import io.gridshift.openadr.message.OadrMessages;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.openadr.oadr20b.OadrPayload;

/**
 * A VEN for tests: real OpenADR 2.0b XML over HTTP or HTTPS with its own client certificate, read
 * and written with {@link OadrCodec}.
 */
final class TestVen {
    record Reply(int status, OadrPayload payload) {
        Object body() {
            return OadrMessages.body(payload.getOadrSignedObject());
        }

        <T> T body(Class<T> type) {
            return OadrMessages.body(payload.getOadrSignedObject(), type)
                    .orElseThrow(
                            () ->
                                    new AssertionError(
                                            "got "
                                                    + OadrMessages.name(
                                                            payload.getOadrSignedObject())));
        }
    }

    record JsonReply(int status, JsonObject json) {}

    private final HttpClient http;
    private final OadrCodec codec = new OadrCodec();
    private final String base;

    TestVen(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A VEN over HTTPS that shows the certificate of {@code party} (made by TlsMaterial). */
    TestVen(int port, TlsMaterial tls, String party) {
        this.base = "https://127.0.0.1:" + port;
        this.http =
                HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(5))
                        .sslContext(sslContext(tls.keyStore(party), tls.trustStore()))
                        .build();
    }

    /** TLS 1.2 with the key store's certificate, trusting the trust store's CA. */
    static SSLContext sslContext(Path keyStore, Path trustStore) {
        try {
            char[] password = TlsMaterial.STORE_PASSWORD.toCharArray();
            KeyManagerFactory kmf =
                    KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(load(keyStore, password), password);
            TrustManagerFactory tmf =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(load(trustStore, password));
            SSLContext context = SSLContext.getInstance("TLSv1.2");
            context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new AssertionError(e);
        }
    }

    private static KeyStore load(Path path, char[] password)
            throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, password);
        }
        return store;
    }

    Reply send(String service, Object message) {
        return post(service, codec.write(OadrMessages.payload(message)));
    }

    Reply post(String service, byte[] xml) {
        HttpResponse<byte[]> r =
                exchange(
                        HttpRequest.newBuilder(
                                        URI.create(base + "/OpenADR2/Simple/2.0b/" + service))
                                .header("content-type", "application/xml")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(xml)),
                        HttpResponse.BodyHandlers.ofByteArray());
        if (!r.headers().firstValue("content-type").orElse("").startsWith("application/xml")) {
            throw new AssertionError("content type " + r.headers().firstValue("content-type"));
        }
        return new Reply(r.statusCode(), codec.readPayload(r.body()));
    }

    JsonReply postJson(String path, String json) {
        return json(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    JsonReply putJson(String path, String json) {
        return json(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("content-type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    JsonReply get(String path) {
        return json(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    private JsonReply json(HttpRequest.Builder request) {
        HttpResponse<String> r = exchange(request, HttpResponse.BodyHandlers.ofString());
        return new JsonReply(r.statusCode(), r.body().isEmpty() ? null : new JsonObject(r.body()));
    }

    private <T> HttpResponse<T> exchange(
            HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), handler);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
