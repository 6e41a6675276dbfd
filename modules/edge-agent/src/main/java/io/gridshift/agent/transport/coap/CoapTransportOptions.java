package io.gridshift.agent.transport.coap;

import io.gridshift.agent.transport.BackoffPolicy;
import io.gridshift.agent.transport.Secret;
import io.gridshift.domain.Check;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.SiteId;
import io.gridshift.edge.codec.EdgeFormat;
import java.net.URI;
import java.time.Duration;

/**
 * How the agent's CoAP transport reaches an aggregator node. Built with {@link #builder(SiteId,
 * URI)}, which holds the defaults; every value is checked here, and a bad one fails naming its
 * field.
 *
 * @param site the site this agent speaks for; names its resource paths
 * @param aggregatorUri the node, {@code coap://host:port} or, with DTLS, {@code coaps://host:port}
 * @param pskIdentity the DTLS pre-shared key identity (by convention the site id); required with
 *     {@code coaps}, refused without it
 * @param pskSecret the pre-shared key ({@link Secret#of} or {@link Secret#fromFile}); never logged;
 *     required with {@code coaps}
 * @param cbor whether payloads are CBOR (content-format 60) instead of JSON (50, the default)
 * @param observeLostTimeout how long the dispatch observation may stay silent before the agent
 *     registers again to prove it is still alive; default 2 min (1 s to 1 day)
 * @param backoff delays between re-registration attempts; default 1 s doubling to 60 s, full jitter
 * @param ackTimeout CoAP's ACK_TIMEOUT, the first wait for a confirmable message's ACK (and DTLS's
 *     first handshake retransmission); default 2 s (10 ms to 60 s)
 * @param maxRetransmit CoAP's MAX_RETRANSMIT (and DTLS's handshake retransmissions); default 4 (0
 *     to 10). With the defaults a dead node is noticed after about 45 to 93 s
 * @param maxPayloadBytes largest payload sent or accepted (block-wise transfer beyond one
 *     datagram); default 64 KiB (1 KiB to 8 MiB)
 */
public record CoapTransportOptions(
        SiteId site,
        URI aggregatorUri,
        String pskIdentity,
        Secret pskSecret,
        boolean cbor,
        Duration observeLostTimeout,
        BackoffPolicy backoff,
        Duration ackTimeout,
        int maxRetransmit,
        int maxPayloadBytes) {
    public static final Duration DEFAULT_OBSERVE_LOST_TIMEOUT = Duration.ofMinutes(2);
    public static final Duration DEFAULT_ACK_TIMEOUT = Duration.ofSeconds(2);
    public static final int DEFAULT_MAX_RETRANSMIT = 4;
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 64 * 1024;

    public CoapTransportOptions {
        Check.required("site", site);
        boolean secure = checkUri(aggregatorUri);
        if (secure) {
            Check.required("pskIdentity", pskIdentity);
            Check.required("pskSecret", pskSecret);
            if (pskIdentity.isEmpty()) {
                throw new InvalidFieldException("pskIdentity", "required", "", "must not be empty");
            }
            Check.text("pskIdentity", pskIdentity);
        } else if (pskIdentity != null || pskSecret != null) {
            throw new InvalidFieldException(
                    "pskIdentity", "pattern", pskIdentity, "needs a coaps:// aggregatorUri");
        }
        Check.required("observeLostTimeout", observeLostTimeout);
        Check.range("observeLostTimeout", observeLostTimeout.toMillis(), 1_000, 86_400_000);
        Check.required("backoff", backoff);
        Check.required("ackTimeout", ackTimeout);
        Check.range("ackTimeout", ackTimeout.toMillis(), 10, 60_000);
        Check.range("maxRetransmit", maxRetransmit, 0, 10);
        Check.range("maxPayloadBytes", maxPayloadBytes, 1024, 8L * 1024 * 1024);
    }

    public static Builder builder(SiteId site, URI aggregatorUri) {
        return new Builder(site, aggregatorUri);
    }

    /** Whether the link is DTLS ({@code coaps}). */
    public boolean secure() {
        return "coaps".equals(aggregatorUri.getScheme());
    }

    /** The payload encoding. */
    public EdgeFormat format() {
        return cbor ? EdgeFormat.CBOR : EdgeFormat.JSON;
    }

    /**
     * @return whether the scheme is {@code coaps}
     */
    private static boolean checkUri(URI uri) {
        Check.required("aggregatorUri", uri);
        String scheme = uri.getScheme();
        boolean known = "coap".equals(scheme) || "coaps".equals(scheme);
        String path = uri.getRawPath();
        if (!known
                || uri.getHost() == null
                || uri.getPort() < 1
                || (path != null && !path.isEmpty() && !"/".equals(path))
                || uri.getRawQuery() != null) {
            throw new InvalidFieldException(
                    "aggregatorUri",
                    "pattern",
                    uri,
                    "must be coap://host:port or coaps://host:port, without a path");
        }
        return "coaps".equals(scheme);
    }

    /** Holds the defaults; each setter replaces one value. Not thread-safe. */
    public static final class Builder {
        private final SiteId site;
        private final URI aggregatorUri;
        private String pskIdentity;
        private Secret pskSecret;
        private boolean cbor;
        private Duration observeLostTimeout = DEFAULT_OBSERVE_LOST_TIMEOUT;
        private BackoffPolicy backoff = BackoffPolicy.defaults();
        private Duration ackTimeout = DEFAULT_ACK_TIMEOUT;
        private int maxRetransmit = DEFAULT_MAX_RETRANSMIT;
        private int maxPayloadBytes = DEFAULT_MAX_PAYLOAD_BYTES;

        private Builder(SiteId site, URI aggregatorUri) {
            this.site = site;
            this.aggregatorUri = aggregatorUri;
        }

        public Builder psk(String identity, Secret secret) {
            this.pskIdentity = identity;
            this.pskSecret = secret;
            return this;
        }

        public Builder cbor(boolean value) {
            this.cbor = value;
            return this;
        }

        public Builder observeLostTimeout(Duration value) {
            this.observeLostTimeout = value;
            return this;
        }

        public Builder backoff(BackoffPolicy value) {
            this.backoff = value;
            return this;
        }

        public Builder ackTimeout(Duration value) {
            this.ackTimeout = value;
            return this;
        }

        public Builder maxRetransmit(int value) {
            this.maxRetransmit = value;
            return this;
        }

        public Builder maxPayloadBytes(int value) {
            this.maxPayloadBytes = value;
            return this;
        }

        public CoapTransportOptions build() {
            return new CoapTransportOptions(
                    site,
                    aggregatorUri,
                    pskIdentity,
                    pskSecret,
                    cbor,
                    observeLostTimeout,
                    backoff,
                    ackTimeout,
                    maxRetransmit,
                    maxPayloadBytes);
        }
    }
}
