package io.gridshift.agent.config;

import io.gridshift.agent.ReportingOptions;
import io.gridshift.agent.buffer.BufferOptions;
import io.gridshift.agent.buffer.FsyncPolicy;
import io.gridshift.agent.schedule.JobOptions;
import io.gridshift.agent.sim.SimulatedSiteFactory;
import io.gridshift.agent.site.SiteAdapterFactories;
import io.gridshift.agent.site.SiteAdapterFactory;
import io.gridshift.domain.config.Option;
import io.gridshift.domain.config.OptionTable;
import io.gridshift.domain.config.Parsers;
import io.gridshift.domain.config.Settings;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every option of the edge agent, in one place: the properties file {@code agent.properties} and
 * environment overrides ({@code GRIDSHIFT_AGENT_} + the key in upper case, e.g. {@code
 * GRIDSHIFT_AGENT_SITE_ID}). {@link #table()} prints the documentation table.
 */
public final class AgentConfig {
    public static final String ENV_PREFIX = "GRIDSHIFT_AGENT_";

    /** Which link the agent uses. */
    public enum Transport {
        MQTT,
        COAP
    }

    public static final Option<String> SITE_ID =
            Option.required(
                    "site.id",
                    v -> SiteId.of(v).value(),
                    "The site's id, `[a-z0-9][a-z0-9-]{0,62}`.");
    public static final Option<String> SITE_ZONE =
            Option.required(
                    "site.zone",
                    v -> GridZone.of(v).code(),
                    "The site's grid zone, e.g. `CN-SH`, `DE`.");
    public static final Option<Transport> TRANSPORT =
            Option.of("transport", "mqtt", Parsers.oneOf(Transport.class), "`mqtt` or `coap`.");

    public static final Option<URI> MQTT_SERVER =
            Option.of(
                    "mqtt.server",
                    "tcp://127.0.0.1:1883",
                    Parsers.uri("tcp", "ssl"),
                    "The broker, `tcp://host:port` or `ssl://host:port`.");
    public static final Option<String> MQTT_CLIENT_ID =
            Option.optional(
                    "mqtt.clientId",
                    Parsers.text(),
                    "MQTT client id; names the persistent session. Default `gridshift-agent-{site}`.");
    public static final Option<String> MQTT_USERNAME =
            Option.optional("mqtt.username", Parsers.text(), "User name at the broker.");
    public static final Option<Path> MQTT_PASSWORD_FILE =
            Option.optional(
                    "mqtt.passwordFile", Parsers.path(), "File holding the broker password.");
    public static final Option<Path> MQTT_TRUST_STORE =
            Option.optional(
                    "mqtt.tls.trustStore",
                    Parsers.path(),
                    "PKCS#12 trust store for `ssl://`; default: the JVM's trust.");
    public static final Option<Path> MQTT_TRUST_STORE_PASSWORD_FILE =
            Option.optional(
                    "mqtt.tls.trustStorePasswordFile",
                    Parsers.path(),
                    "File holding the trust store's password.");
    public static final Option<Path> MQTT_KEY_STORE =
            Option.optional(
                    "mqtt.tls.keyStore",
                    Parsers.path(),
                    "PKCS#12 key store with the site's client certificate.");
    public static final Option<Path> MQTT_KEY_STORE_PASSWORD_FILE =
            Option.optional(
                    "mqtt.tls.keyStorePasswordFile",
                    Parsers.path(),
                    "File holding the key store's password.");
    public static final Option<Long> MQTT_TELEMETRY_QOS =
            Option.of("mqtt.telemetryQos", "0", Parsers.integer(0, 1), "QoS of telemetry, 0 or 1.");
    public static final Option<Duration> MQTT_SESSION_EXPIRY =
            Option.of(
                    "mqtt.sessionExpiryS",
                    "3600",
                    Parsers.seconds(0, 0xFFFF_FFFFL),
                    "How long the broker keeps the session and queued orders while offline.");
    public static final Option<String> MQTT_TOPIC_PREFIX =
            Option.of("mqtt.topicPrefix", "gridshift/v1", Parsers.text(), "Topic prefix.");

    public static final Option<URI> COAP_URI =
            Option.of(
                    "coap.uri",
                    "coap://127.0.0.1:5683",
                    Parsers.uri("coap", "coaps"),
                    "The aggregator node, `coap://host:port` or `coaps://host:port` (DTLS-PSK).");
    public static final Option<String> COAP_PSK_IDENTITY =
            Option.optional(
                    "coap.pskIdentity", Parsers.text(), "DTLS PSK identity (required with coaps).");
    public static final Option<Path> COAP_PSK_FILE =
            Option.optional(
                    "coap.pskFile", Parsers.path(), "File holding the DTLS pre-shared key.");
    public static final Option<Boolean> COAP_CBOR =
            Option.of("coap.cbor", "false", Parsers.bool(), "Send CBOR instead of JSON.");

    public static final Option<Duration> TELEMETRY_PERIOD =
            Option.of(
                    "report.telemetryPeriodS",
                    "5",
                    Parsers.seconds(1, 60),
                    "Seconds between telemetry readings.");
    public static final Option<Duration> FLEX_CHECK_PERIOD =
            Option.of(
                    "report.flexCheckPeriodS",
                    "10",
                    Parsers.seconds(1, 3600),
                    "Seconds between envelope recomputations (sent when changed).");
    public static final Option<Duration> FLEX_MAX_SILENCE =
            Option.of(
                    "report.flexMaxSilenceS",
                    "300",
                    Parsers.seconds(1, 3600),
                    "The envelope is sent at least this often.");

    public static final Option<Path> DATA_FOLDER =
            Option.of(
                    "data.folder",
                    "data",
                    Parsers.path(),
                    "Folder for the telemetry buffer, the orders and the sequence numbers.");
    public static final Option<Long> BUFFER_MAX_MB =
            Option.of(
                    "buffer.maxMb",
                    "64",
                    Parsers.integer(2, 1 << 20),
                    "Bound of the offline telemetry buffer; the oldest readings go first.");
    public static final Option<FsyncPolicy> BUFFER_FSYNC =
            Option.of(
                    "buffer.fsync",
                    "on_sync",
                    Parsers.oneOf(FsyncPolicy.class),
                    "`always`, `on_sync` (once per loop cycle) or `never`.");

    public static final Option<List<String>> ADAPTERS =
            Option.optional(
                    "adapters",
                    AgentConfig::names,
                    "The site adapters, comma separated, e.g. `simulated,gpu,kubernetes`; the"
                            + " first reads the facility. Default: `adapter`.");
    public static final Option<String> ADAPTER =
            Option.of(
                    "adapter",
                    "simulated",
                    Parsers.text(),
                    "One site adapter; kept for old files, `adapters` wins when both are set.");
    public static final Option<Long> SIM_SEED = SimulatedSiteFactory.SEED;

    public static final Option<Boolean> JOBS_ENABLED =
            Option.of(
                    "jobs.enabled",
                    "false",
                    Parsers.bool(),
                    "Whether the site generates flexible jobs for the day-ahead plan (their kW adds"
                            + " to the reading).");
    public static final Option<Long> JOBS_SEED =
            Option.of(
                    "jobs.seed",
                    "1",
                    Parsers.integer(0, Long.MAX_VALUE),
                    "Seed of the job generator.");
    public static final Option<Double> JOBS_PER_HOUR =
            Option.of(
                    "jobs.perHour",
                    "4",
                    Parsers.number(0.01, 10_000),
                    "Mean flexible jobs submitted per hour (Poisson).");
    public static final Option<Duration> JOBS_MAX_LEAD =
            Option.of(
                    "jobs.maxLeadS",
                    "14400",
                    Parsers.seconds(0, 172_800),
                    "A job is submitted up to this long before it may start.");
    public static final Option<Duration> JOBS_REPORT_PERIOD =
            Option.of(
                    "jobs.reportPeriodS",
                    "300",
                    Parsers.seconds(1, 3600),
                    "The jobs message is sent on change and at least this often.");

    private AgentConfig() {}

    /** The agent's own options, without the site adapters'. */
    static List<Option<?>> own() {
        return List.of(
                SITE_ID,
                SITE_ZONE,
                TRANSPORT,
                MQTT_SERVER,
                MQTT_CLIENT_ID,
                MQTT_USERNAME,
                MQTT_PASSWORD_FILE,
                MQTT_TRUST_STORE,
                MQTT_TRUST_STORE_PASSWORD_FILE,
                MQTT_KEY_STORE,
                MQTT_KEY_STORE_PASSWORD_FILE,
                MQTT_TELEMETRY_QOS,
                MQTT_SESSION_EXPIRY,
                MQTT_TOPIC_PREFIX,
                COAP_URI,
                COAP_PSK_IDENTITY,
                COAP_PSK_FILE,
                COAP_CBOR,
                TELEMETRY_PERIOD,
                FLEX_CHECK_PERIOD,
                FLEX_MAX_SILENCE,
                DATA_FOLDER,
                BUFFER_MAX_MB,
                BUFFER_FSYNC,
                ADAPTERS,
                ADAPTER,
                JOBS_ENABLED,
                JOBS_SEED,
                JOBS_PER_HOUR,
                JOBS_MAX_LEAD,
                JOBS_REPORT_PERIOD);
    }

    /** The flexible-job options. */
    public static JobOptions jobs(Settings s) {
        return new JobOptions(
                s.get(JOBS_ENABLED),
                s.get(JOBS_SEED),
                s.get(JOBS_PER_HOUR),
                s.get(JOBS_MAX_LEAD),
                s.get(JOBS_REPORT_PERIOD));
    }

    /** Every option: the agent's own and those of the site adapter factories found. */
    public static List<Option<?>> all() {
        return all(SiteAdapterFactories.discover());
    }

    static List<Option<?>> all(SiteAdapterFactories factories) {
        Map<String, Option<?>> byKey = new LinkedHashMap<>();
        for (Option<?> o : own()) {
            byKey.put(o.key(), o);
        }
        for (SiteAdapterFactory f : factories.all()) {
            for (Option<?> o : f.options()) {
                byKey.putIfAbsent(o.key(), o);
            }
        }
        return List.copyOf(byKey.values());
    }

    /** The adapters' names, in order: {@code adapters}, else {@code adapter}. */
    static List<String> adapterNames(Settings s) {
        return s.find(ADAPTERS).orElseGet(() -> names(s.get(ADAPTER)));
    }

    private static List<String> names(String text) {
        List<String> names = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String name = part.strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty() || names.contains(name)) {
                throw new InvalidFieldException(
                        "adapters",
                        "adapter_list",
                        text,
                        "must be adapter names separated by commas, each once");
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    /** Reporting periods from the settings; the envelope's validity is twice its max silence. */
    static ReportingOptions reporting(Settings s) {
        Duration silence = s.get(FLEX_MAX_SILENCE);
        Duration check = s.get(FLEX_CHECK_PERIOD);
        return new ReportingOptions(
                s.get(TELEMETRY_PERIOD),
                check.compareTo(silence) > 0 ? silence : check,
                silence,
                silence.multipliedBy(2),
                Duration.ofSeconds(1));
    }

    static BufferOptions buffer(Settings s) {
        return new BufferOptions(
                s.get(BUFFER_MAX_MB) << 20,
                BufferOptions.DEFAULT_SEGMENT_BYTES,
                s.get(BUFFER_FSYNC));
    }

    /** The documentation table of every option. */
    public static String table() {
        return OptionTable.markdown(ENV_PREFIX, all());
    }
}
