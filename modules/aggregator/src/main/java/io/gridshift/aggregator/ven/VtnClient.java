package io.gridshift.aggregator.ven;

import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.openadr.codec.OadrCodec;
import io.gridshift.openadr.message.OadrMessages;
import io.gridshift.openadr.security.OadrFingerprint;
import io.gridshift.openadr.security.OadrSignatureException;
import io.gridshift.openadr.security.OadrSignatures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.openadr.oadr20b.OadrPayload;
import org.openadr.oadr20b.OadrResponseType;

/**
 * Posts OpenADR 2.0b documents to the VTN's simpleHttp services and reads the answers, both through
 * the validating {@link OadrCodec}. A non-200 reply, one that is not a valid 2.0b document, or one
 * of an unexpected kind fails the stage with a {@link GridshiftException} naming the service.
 */
public final class VtnClient {
    private static final String XML = "application/xml";
    static final long RETRY_BACKOFF_MS = 500;

    private final VenOptions options;
    private final OadrCodec codec;
    private final HttpClient http;
    private final OadrSignatures signatures;

    public VtnClient(VenOptions options, OadrCodec codec, HttpClient http) {
        this.options = Objects.requireNonNull(options, "options");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.http = Objects.requireNonNull(http, "http");
        this.signatures =
                options.xmlSignature() ? options.tls().signatures(Clock.systemUTC()) : null;
    }

    /**
     * A client with its own {@link HttpClient}: connect timeout the HTTP timeout, and the VEN's
     * mutual TLS when the options have it.
     */
    public VtnClient(VenOptions options, OadrCodec codec) {
        this(options, codec, http(options));
    }

    static HttpClient http(VenOptions options) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(options.httpTimeout());
        if (options.tls() != null) {
            b.sslContext(options.tls().context()).sslParameters(options.tls().parameters());
        }
        return b.build();
    }

    /** Posts {@code message} (an oadr* body) to {@code service}; the VTN's payload. */
    public CompletionStage<OadrPayload> post(String service, Object message) {
        URI uri = options.service(service);
        byte[] body;
        try {
            body = codec.write(OadrMessages.payload(message));
            if (signatures != null) {
                body = signatures.sign(body);
            }
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(
                    new GridshiftException(
                            ErrorKind.INTERNAL,
                            "oadr-invalid-request",
                            "the VEN's message to " + service + " is invalid: " + e.getMessage(),
                            e));
        }
        HttpRequest request =
                HttpRequest.newBuilder(uri)
                        .timeout(options.httpTimeout())
                        .header("content-type", XML)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build();
        return send(request, options.retries(), RETRY_BACKOFF_MS)
                .handle(
                        (response, error) -> {
                            if (error != null) {
                                throw new GridshiftException(
                                        ErrorKind.UNAVAILABLE,
                                        "vtn-unreachable",
                                        "VTN " + uri + " unreachable: " + error,
                                        error);
                            }
                            return read(service, uri, response);
                        });
    }

    /**
     * Sends {@code request}; a failure in transport (no connection, no answer in time) is tried
     * again {@code retriesLeft} more times after a doubling back-off. A refused TLS handshake (the
     * VTN's certificate or fingerprint is wrong) is not: it will not get better.
     */
    private CompletableFuture<HttpResponse<byte[]>> send(
            HttpRequest request, int retriesLeft, long backoffMs) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .handle(
                        (response, error) -> {
                            if (error == null) {
                                return CompletableFuture.completedFuture(response);
                            }
                            Throwable cause =
                                    error instanceof CompletionException ? error.getCause() : error;
                            if (retriesLeft <= 0 || cause instanceof SSLHandshakeException) {
                                return CompletableFuture.<HttpResponse<byte[]>>failedFuture(cause);
                            }
                            return CompletableFuture.supplyAsync(
                                            () -> null,
                                            CompletableFuture.delayedExecutor(
                                                    backoffMs, TimeUnit.MILLISECONDS))
                                    .thenCompose(
                                            x -> send(request, retriesLeft - 1, backoffMs * 2));
                        })
                .thenCompose(f -> f);
    }

    /**
     * The VTN's reply must be signed, by the certificate with the VTN's fingerprint when one is
     * configured.
     */
    private void verifySigned(String service, byte[] body) {
        try {
            X509Certificate signer = signatures.verify(body);
            String expected = options.tls().vtnFingerprint();
            if (expected != null && !expected.equals(OadrFingerprint.of(signer))) {
                throw new OadrSignatureException(
                        "wrong_signer",
                        "signed by " + OadrFingerprint.of(signer) + ", not the VTN's " + expected);
            }
        } catch (OadrSignatureException e) {
            throw new GridshiftException(
                    ErrorKind.UNAVAILABLE,
                    "vtn-signature",
                    "VTN " + service + " reply refused (" + e.reason() + "): " + e.getMessage(),
                    e);
        }
    }

    /** Posts {@code message} and expects an answer of {@code type}. */
    public <T> CompletionStage<T> exchange(String service, Object message, Class<T> type) {
        return post(service, message)
                .thenApply(payload -> refusedIfResponse(service, message, payload, type))
                .thenApply(
                        payload ->
                                OadrMessages.body(payload.getOadrSignedObject(), type)
                                        .orElseThrow(
                                                () ->
                                                        new GridshiftException(
                                                                ErrorKind.UNAVAILABLE,
                                                                "vtn-unexpected-reply",
                                                                "VTN "
                                                                        + service
                                                                        + " answered "
                                                                        + OadrMessages.name(
                                                                                payload
                                                                                        .getOadrSignedObject())
                                                                        + ", expected "
                                                                        + type.getSimpleName())));
    }

    /**
     * A VTN that cannot take a message answers a plain {@code oadrResponse} with an error code
     * where another reply was expected: that is a refusal, named with its code.
     */
    private static OadrPayload refusedIfResponse(
            String service, Object message, OadrPayload payload, Class<?> expected) {
        if (expected == OadrResponseType.class) {
            return payload;
        }
        Object body = OadrMessages.body(payload.getOadrSignedObject());
        if (body instanceof OadrResponseType r && r.getEiResponse() != null) {
            throw new GridshiftException(
                    ErrorKind.UNAVAILABLE,
                    "vtn-refused",
                    "VTN "
                            + service
                            + " refused "
                            + OadrMessages.name(OadrMessages.signedObject(message))
                            + ": "
                            + r.getEiResponse().getResponseCode()
                            + " "
                            + r.getEiResponse().getResponseDescription());
        }
        return payload;
    }

    private OadrPayload read(String service, URI uri, HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            throw new GridshiftException(
                    ErrorKind.UNAVAILABLE,
                    "vtn-http-status",
                    "VTN " + service + " (" + uri + ") answered HTTP " + response.statusCode());
        }
        if (signatures != null) {
            verifySigned(service, response.body());
        }
        try {
            return codec.readPayload(response.body());
        } catch (RuntimeException e) {
            throw new GridshiftException(
                    ErrorKind.UNAVAILABLE,
                    "vtn-unreadable-reply",
                    "VTN " + service + " (" + uri + ") sent an unreadable reply: " + e.getMessage(),
                    e);
        }
    }
}
