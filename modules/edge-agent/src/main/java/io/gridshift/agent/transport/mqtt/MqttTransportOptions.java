package io.gridshift.agent.transport.mqtt;

import io.gridshift.agent.transport.BackoffPolicy;
import io.gridshift.agent.transport.Secret;
import io.gridshift.domain.Check;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.SiteId;
import io.gridshift.edge.EdgeTopics;
import java.net.URI;
import java.time.Duration;

/**
 * How the agent's MQTT v5 transport connects. Built with {@link #builder(SiteId, URI)}, which holds
 * the defaults; every value is checked here, and a bad one fails naming its field.
 *
 * @param site the site this agent speaks for; names its topics and its default client id
 * @param serverUri the broker, {@code tcp://host:port} or {@code ssl://host:port}
 * @param clientId the MQTT client id; default {@code gridshift-agent-{site}}. It names the
 *     persistent session, so it must stay the same across restarts
 * @param username the user name, or {@code null}
 * @param password the password, or {@code null}; never logged
 * @param tls key material for {@code ssl://}; {@code null} uses the JVM's default trust
 * @param sessionExpiry how long the broker keeps the session (and queued dispatch orders) while the
 *     agent is away; default 1 h, at most about 136 years (2^32-1 s)
 * @param keepAlive the MQTT keep-alive; default 30 s (1 s to 65535 s). A dead link is noticed after
 *     about 1.5 times this
 * @param connectTimeout how long one connect attempt may take; default 10 s (1 s to 10 min)
 * @param telemetryQos QoS of telemetry, 0 (default; the next reading replaces a lost one) or 1
 * @param backoff delays between reconnect attempts; default 1 s doubling to 60 s, full jitter
 * @param topicPrefix the topics' prefix; default {@code gridshift/v1}
 * @param maxPayloadBytes largest payload sent or accepted; default 256 KiB (1 KiB to 64 MiB)
 * @param maxPendingPublishes QoS 1 messages that may wait for a slot in the broker's receive window
 *     before sends fail fast; default 10,000
 */
public record MqttTransportOptions(
        SiteId site,
        URI serverUri,
        String clientId,
        String username,
        Secret password,
        TlsFiles tls,
        Duration sessionExpiry,
        Duration keepAlive,
        Duration connectTimeout,
        int telemetryQos,
        BackoffPolicy backoff,
        String topicPrefix,
        int maxPayloadBytes,
        int maxPendingPublishes) {
    public static final Duration DEFAULT_SESSION_EXPIRY = Duration.ofHours(1);
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(30);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_TELEMETRY_QOS = 0;
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 256 * 1024;
    public static final int DEFAULT_MAX_PENDING_PUBLISHES = 10_000;

    private static final long MAX_SESSION_EXPIRY_S = 0xFFFF_FFFFL;

    public MqttTransportOptions {
        Check.required("site", site);
        checkUri(serverUri);
        checkClientId(clientId);
        Check.text("username", username);
        Check.required("sessionExpiry", sessionExpiry);
        Check.range("sessionExpiry", sessionExpiry.toSeconds(), 0, MAX_SESSION_EXPIRY_S);
        Check.required("keepAlive", keepAlive);
        Check.range("keepAlive", keepAlive.toSeconds(), 1, 65_535);
        Check.required("connectTimeout", connectTimeout);
        Check.range("connectTimeout", connectTimeout.toSeconds(), 1, 600);
        Check.range("telemetryQos", telemetryQos, 0, 1);
        Check.required("backoff", backoff);
        checkPrefix(topicPrefix);
        Check.range("maxPayloadBytes", maxPayloadBytes, 1024, 64L * 1024 * 1024);
        Check.range("maxPendingPublishes", maxPendingPublishes, 0, 1_000_000);
    }

    /** Defaults for {@code site} on the broker at {@code serverUri}. */
    public static Builder builder(SiteId site, URI serverUri) {
        return new Builder(site, serverUri);
    }

    /** The default client id of {@code site}. */
    public static String defaultClientId(SiteId site) {
        return "gridshift-agent-" + site.value();
    }

    /** The topics under {@link #topicPrefix()}. */
    public EdgeTopics topics() {
        return new EdgeTopics(topicPrefix);
    }

    private static void checkUri(URI uri) {
        Check.required("serverUri", uri);
        String scheme = uri.getScheme();
        if (!"tcp".equals(scheme) && !"ssl".equals(scheme)
                || uri.getHost() == null
                || uri.getPort() < 1) {
            throw new InvalidFieldException(
                    "serverUri", "pattern", uri, "must be tcp://host:port or ssl://host:port");
        }
    }

    private static void checkClientId(String clientId) {
        Check.required("clientId", clientId);
        if (clientId.isEmpty() || clientId.length() > 128) {
            throw new InvalidFieldException(
                    "clientId", "length", clientId, "must have 1 to 128 characters");
        }
        Check.text("clientId", clientId);
    }

    private static void checkPrefix(String prefix) {
        try {
            new EdgeTopics(prefix);
        } catch (InvalidFieldException e) {
            throw new InvalidFieldException("topicPrefix", e.rule(), prefix, e.expectation());
        }
    }

    /** Holds the defaults; each setter replaces one value. Not thread-safe. */
    public static final class Builder {
        private final SiteId site;
        private final URI serverUri;
        private String clientId;
        private String username;
        private Secret password;
        private TlsFiles tls;
        private Duration sessionExpiry = DEFAULT_SESSION_EXPIRY;
        private Duration keepAlive = DEFAULT_KEEP_ALIVE;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private int telemetryQos = DEFAULT_TELEMETRY_QOS;
        private BackoffPolicy backoff = BackoffPolicy.defaults();
        private String topicPrefix = EdgeTopics.DEFAULT_PREFIX;
        private int maxPayloadBytes = DEFAULT_MAX_PAYLOAD_BYTES;
        private int maxPendingPublishes = DEFAULT_MAX_PENDING_PUBLISHES;

        private Builder(SiteId site, URI serverUri) {
            this.site = Check.required("site", site);
            this.serverUri = serverUri;
            this.clientId = defaultClientId(site);
        }

        public Builder clientId(String value) {
            this.clientId = value;
            return this;
        }

        public Builder credentials(String user, Secret pass) {
            this.username = user;
            this.password = pass;
            return this;
        }

        public Builder tls(TlsFiles value) {
            this.tls = value;
            return this;
        }

        public Builder sessionExpiry(Duration value) {
            this.sessionExpiry = value;
            return this;
        }

        public Builder keepAlive(Duration value) {
            this.keepAlive = value;
            return this;
        }

        public Builder connectTimeout(Duration value) {
            this.connectTimeout = value;
            return this;
        }

        public Builder telemetryQos(int value) {
            this.telemetryQos = value;
            return this;
        }

        public Builder backoff(BackoffPolicy value) {
            this.backoff = value;
            return this;
        }

        public Builder topicPrefix(String value) {
            this.topicPrefix = value;
            return this;
        }

        public Builder maxPayloadBytes(int value) {
            this.maxPayloadBytes = value;
            return this;
        }

        public Builder maxPendingPublishes(int value) {
            this.maxPendingPublishes = value;
            return this;
        }

        public MqttTransportOptions build() {
            return new MqttTransportOptions(
                    site,
                    serverUri,
                    clientId,
                    username,
                    password,
                    tls,
                    sessionExpiry,
                    keepAlive,
                    connectTimeout,
                    telemetryQos,
                    backoff,
                    topicPrefix,
                    maxPayloadBytes,
                    maxPendingPublishes);
        }
    }
}
