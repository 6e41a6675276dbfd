package io.gridshift.aggregator.config;

import io.gridshift.aggregator.AggregatorOptions;
import io.gridshift.aggregator.cluster.ClusterOptions;
import io.gridshift.aggregator.dispatch.DispatchOptions;
import io.gridshift.aggregator.fleet.FleetOptions;
import io.gridshift.aggregator.ledger.LedgerOptions;
import io.gridshift.aggregator.mqtt.MqttIngressOptions;
import io.gridshift.aggregator.ven.VenOptions;
import io.gridshift.aggregator.ven.VenTls;
import io.gridshift.domain.config.Option;
import io.gridshift.domain.config.OptionTable;
import io.gridshift.domain.config.Parsers;
import io.gridshift.domain.config.Settings;
import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.edge.codec.EdgeCodecOptions;
import io.gridshift.storage.db.StorageOptions;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Every option of an aggregator node: a properties file and environment overrides ({@code
 * GRIDSHIFT_AGGREGATOR_} + the key in upper case with dots as underscores). {@link #table()} prints
 * the documentation table; the defaults are a single node with the embedded broker.
 */
public final class AggregatorConfig {
    public static final String ENV_PREFIX = "GRIDSHIFT_AGGREGATOR_";

    static final Option<String> CLUSTER_NAME =
            Option.of(
                    "cluster.name",
                    "gridshift",
                    Parsers.text(),
                    "Nodes join only a cluster of this name.");
    static final Option<String> CLUSTER_HOST =
            Option.of(
                    "cluster.host",
                    "127.0.0.1",
                    Parsers.text(),
                    "Address Hazelcast and the event bus bind and announce; a routable one in a cluster.");
    static final Option<Long> CLUSTER_PORT =
            Option.of("cluster.port", "5701", Parsers.integer(0, 65535), "Hazelcast member port.");
    static final Option<String> CLUSTER_MEMBERS =
            Option.of(
                    "cluster.members",
                    "",
                    Parsers.text(),
                    "Other members, `host:port` comma-separated (TCP-IP join); empty for one node.");
    static final Option<Long> CLUSTER_BACKUPS =
            Option.of(
                    "cluster.backupCount",
                    "1",
                    Parsers.integer(0, 6),
                    "Synchronous backups of each partition of the fleet and dispatch maps.");
    static final Option<URI> MQTT_SERVER =
            Option.optional(
                    "mqtt.server",
                    Parsers.uri("tcp", "ssl"),
                    "External broker `tcp://host:port`; unset: start the embedded HiveMQ broker.");
    static final Option<String> MQTT_EMBEDDED_HOST =
            Option.of(
                    "mqtt.embedded.host",
                    "127.0.0.1",
                    Parsers.text(),
                    "Embedded broker bind address.");
    static final Option<Long> MQTT_EMBEDDED_PORT =
            Option.of(
                    "mqtt.embedded.port",
                    "1883",
                    Parsers.integer(0, 65535),
                    "Embedded broker port.");
    static final Option<Long> MQTT_CLIENTS =
            Option.of(
                    "mqtt.clients",
                    "2",
                    Parsers.integer(1, 64),
                    "Shared-subscription clients this node runs.");
    static final Option<String> MQTT_SHARE_GROUP =
            Option.of(
                    "mqtt.shareGroup",
                    "gridshift",
                    Parsers.text(),
                    "MQTT v5 share group of the cluster.");
    static final Option<String> MQTT_TOPIC_PREFIX =
            Option.of("mqtt.topicPrefix", "gridshift/v1", Parsers.text(), "Edge topics' prefix.");
    static final Option<String> MQTT_USERNAME =
            Option.optional("mqtt.username", Parsers.text(), "User name at the broker.");
    static final Option<Path> MQTT_PASSWORD_FILE =
            Option.optional(
                    "mqtt.passwordFile", Parsers.path(), "File holding the broker password.");
    static final Option<String> COAP_HOST =
            Option.of("coap.host", "127.0.0.1", Parsers.text(), "CoAP server bind address.");
    static final Option<Long> COAP_PORT =
            Option.of("coap.port", "5683", Parsers.integer(0, 65535), "CoAP UDP port.");
    static final Option<String> HTTP_HOST =
            Option.of("http.host", "127.0.0.1", Parsers.text(), "REST API bind address.");
    static final Option<Long> HTTP_PORT =
            Option.of("http.port", "8080", Parsers.integer(0, 65535), "REST API port.");
    static final Option<Double> SITE_RATE =
            Option.of(
                    "ingest.siteRate",
                    "20",
                    Parsers.number(0, 1_000_000),
                    "Messages a second one site may send to this node (0: no limit).");
    static final Option<Double> SITE_BURST =
            Option.of(
                    "ingest.siteBurst",
                    "200",
                    Parsers.number(1, 1_000_000),
                    "Messages one site may send at once.");
    static final Option<Duration> STALE_AFTER =
            Option.of(
                    "fleet.staleAfterS",
                    "30",
                    Parsers.seconds(1, 86_400),
                    "A site silent this long goes stale and leaves the totals.");
    static final Option<Long> WINDOW =
            Option.of(
                    "fleet.windowReadings",
                    "120",
                    Parsers.integer(1, 10_000),
                    "Readings kept per site for the recent-telemetry query.");
    static final Option<Duration> ACK_TIMEOUT =
            Option.of(
                    "dispatch.ackTimeoutS",
                    "5",
                    Parsers.seconds(1, 3600),
                    "Wait for a site's first ack before sending an order again.");
    static final Option<Long> MAX_ATTEMPTS =
            Option.of(
                    "dispatch.maxAttempts",
                    "4",
                    Parsers.integer(1, 100),
                    "Sends of one revision before it is marked unacknowledged.");

    static final Option<URI> VEN_VTN_URL =
            Option.optional(
                    "ven.vtnUrl",
                    Parsers.uri("http", "https"),
                    "The OpenADR 2.0b VTN's base URL; unset: no VEN runs on this node.");
    static final Option<String> VEN_NAME =
            Option.of("ven.name", "gridshift", Parsers.text(), "The name the VEN registers with.");
    static final Option<String> VEN_ID =
            Option.optional(
                    "ven.id",
                    Parsers.text(),
                    "The venID to register with; unset: the VTN assigns one.");
    static final Option<Duration> VEN_POLL =
            Option.of(
                    "ven.pollS",
                    "10",
                    Parsers.seconds(1, 3600),
                    "How often the VEN polls its VTN.");
    static final Option<Path> VEN_FOLDER =
            Option.of(
                    "ven.folder",
                    "data/ven",
                    Parsers.path(),
                    "Where the VEN keeps its registration across restarts.");
    static final Option<Boolean> VEN_VALIDATE =
            Option.of(
                    "ven.validate",
                    "true",
                    Parsers.bool(),
                    "Validate every OpenADR message in and out against the 2.0b schemas.");
    static final Option<Long> VEN_RETRIES =
            Option.of(
                    "ven.retries",
                    "2",
                    Parsers.integer(0, 10),
                    "Tries again of an exchange that failed in transport (back-off from 0.5 s).");
    static final Option<Boolean> VEN_XML_SIGNATURE =
            Option.of(
                    "ven.xmlSignature",
                    "false",
                    Parsers.bool(),
                    "Sign every OpenADR message with the TLS key and require the VTN's signed"
                            + " (XML signatures of the 2.0b profile).");
    static final Option<URI> VEN_PUSH_URL =
            Option.optional(
                    "ven.pushUrl",
                    Parsers.uri("http", "https"),
                    "The VEN's own URL for a VTN that pushes (its port is listened on);"
                            + " unset: the VEN polls.");
    static final Option<Path> VEN_KEY_STORE =
            Option.optional(
                    "ven.tls.keyStore",
                    Parsers.path(),
                    "The VEN's key and certificate (PKCS12); set: mutual TLS towards the VTN.");
    static final Option<Path> VEN_KEY_PASSWORD_FILE =
            Option.optional(
                    "ven.tls.keyStorePasswordFile",
                    Parsers.path(),
                    "File holding the key store's password.");
    static final Option<Path> VEN_TRUST_STORE =
            Option.optional(
                    "ven.tls.trustStore",
                    Parsers.path(),
                    "The CAs the VTN's certificate must chain to (PKCS12).");
    static final Option<Path> VEN_TRUST_PASSWORD_FILE =
            Option.optional(
                    "ven.tls.trustStorePasswordFile",
                    Parsers.path(),
                    "File holding the trust store's password.");
    static final Option<String> VEN_VTN_FINGERPRINT =
            Option.optional(
                    "ven.tls.vtnFingerprint",
                    Parsers.text(),
                    "The VTN's certificate fingerprint (10 hex pairs, colon separated),"
                            + " exchanged out of band.");
    static final Option<Boolean> LEDGER_ENABLED =
            Option.of(
                    "ledger.enabled",
                    "true",
                    Parsers.bool(),
                    "Keep the ledger: orders, sends and acks written ahead, events, opts, meter"
                            + " data, settlements.");
    static final Option<Path> LEDGER_FOLDER =
            Option.of(
                    "ledger.folder",
                    "data/ledger",
                    Parsers.path(),
                    "Where the embedded H2 ledger lives (when no ledger.jdbcUrl is set).");
    static final Option<String> LEDGER_JDBC_URL =
            Option.optional(
                    "ledger.jdbcUrl",
                    Parsers.text(),
                    "A PostgreSQL ledger, e.g. jdbc:postgresql://db:5432/gridshift.");
    static final Option<String> LEDGER_USER =
            Option.optional("ledger.user", Parsers.text(), "The PostgreSQL user.");
    static final Option<Path> LEDGER_PASSWORD_FILE =
            Option.optional(
                    "ledger.passwordFile", Parsers.path(), "File holding the PostgreSQL password.");
    static final Option<String> SETTLE_BASELINE =
            Option.of(
                    "settlement.baseline",
                    "pjm-high-4-of-5",
                    Parsers.text(),
                    "Baseline of settlements: pjm-high-4-of-5, caiso-10-of-10,"
                            + " weekday-10-additive or meter-before-after.");
    static final Option<Long> SETTLE_INTERVAL =
            Option.of(
                    "settlement.intervalMin",
                    "15",
                    Parsers.integer(1, 60),
                    "Settlement interval in minutes (dividing an hour).");
    static final Option<ZoneId> SETTLE_ZONE =
            Option.of(
                    "settlement.zone",
                    "UTC",
                    ZoneId::of,
                    "Time zone of the program (its days and weekdays).");
    static final Option<Double> SETTLE_CAPACITY_PRICE =
            Option.of(
                    "settlement.capacityPricePerKw",
                    "0",
                    Parsers.number(0, 1e6),
                    "Paid per credited kW, per event.");
    static final Option<Double> SETTLE_ENERGY_PRICE =
            Option.of(
                    "settlement.energyPricePerKwh",
                    "0",
                    Parsers.number(0, 1e6),
                    "Paid per delivered kWh.");
    static final Option<Double> SETTLE_THRESHOLD =
            Option.of(
                    "settlement.performanceThreshold",
                    "0.5",
                    Parsers.number(0, 1),
                    "Below this performance (delivered / committed) the penalty applies.");
    static final Option<Double> SETTLE_PENALTY =
            Option.of(
                    "settlement.penaltyPerKwShort",
                    "0",
                    Parsers.number(0, 1e6),
                    "Charged per kW short of the commitment.");
    static final Option<Double> SETTLE_CAP =
            Option.of(
                    "settlement.performanceCap",
                    "1.0",
                    Parsers.number(0.01, 2),
                    "The most performance paid for (1 = 100 %).");

    private AggregatorConfig() {}

    public static List<Option<?>> all() {
        return java.util.stream.Stream.of(
                        own(),
                        SettlementConfig.all(),
                        SecurityConfig.all(),
                        ClusterConfig.all(),
                        EventConfig.all(),
                        ScheduleConfig.all())
                .flatMap(List::stream)
                .toList();
    }

    private static List<Option<?>> own() {
        return List.of(
                CLUSTER_NAME,
                CLUSTER_HOST,
                CLUSTER_PORT,
                CLUSTER_MEMBERS,
                CLUSTER_BACKUPS,
                MQTT_SERVER,
                MQTT_EMBEDDED_HOST,
                MQTT_EMBEDDED_PORT,
                MQTT_CLIENTS,
                MQTT_SHARE_GROUP,
                MQTT_TOPIC_PREFIX,
                MQTT_USERNAME,
                MQTT_PASSWORD_FILE,
                COAP_HOST,
                COAP_PORT,
                HTTP_HOST,
                HTTP_PORT,
                SITE_RATE,
                SITE_BURST,
                STALE_AFTER,
                WINDOW,
                ACK_TIMEOUT,
                MAX_ATTEMPTS,
                VEN_VTN_URL,
                VEN_NAME,
                VEN_ID,
                VEN_POLL,
                VEN_FOLDER,
                VEN_VALIDATE,
                VEN_RETRIES,
                VEN_PUSH_URL,
                VEN_XML_SIGNATURE,
                VEN_KEY_STORE,
                VEN_KEY_PASSWORD_FILE,
                VEN_TRUST_STORE,
                VEN_TRUST_PASSWORD_FILE,
                VEN_VTN_FINGERPRINT,
                LEDGER_ENABLED,
                LEDGER_FOLDER,
                LEDGER_JDBC_URL,
                LEDGER_USER,
                LEDGER_PASSWORD_FILE,
                SETTLE_BASELINE,
                SETTLE_INTERVAL,
                SETTLE_ZONE,
                SETTLE_CAPACITY_PRICE,
                SETTLE_ENERGY_PRICE,
                SETTLE_THRESHOLD,
                SETTLE_PENALTY,
                SETTLE_CAP);
    }

    /** The Markdown table of every option. */
    public static String table() {
        return OptionTable.markdown(ENV_PREFIX, all());
    }

    /** Reads {@code file} (may be {@code null}: defaults and environment only). */
    public static Settings load(Path file, Map<String, String> env) {
        Map<String, String> values = new HashMap<>();
        if (file != null) {
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            } catch (IOException e) {
                throw new GridshiftException(
                        ErrorKind.BAD_INPUT,
                        "config_unreadable",
                        "cannot read " + file + ": " + e,
                        e);
            }
            properties.forEach((k, v) -> values.put(k.toString(), v.toString()));
        }
        Settings settings =
                new Settings(
                        values,
                        env,
                        ENV_PREFIX,
                        file == null ? "the environment" : file.toString());
        settings.rejectUnknownKeys(all());
        return settings;
    }

    /** The node's options from {@code s}. */
    public static AggregatorOptions options(Settings s) {
        List<String> members =
                Arrays.stream(s.get(CLUSTER_MEMBERS).split(","))
                        .map(String::trim)
                        .filter(m -> !m.isEmpty())
                        .toList();
        ClusterOptions cluster =
                new ClusterOptions(
                        s.get(CLUSTER_NAME),
                        s.get(CLUSTER_HOST),
                        s.get(CLUSTER_PORT).intValue(),
                        members,
                        0,
                        s.get(CLUSTER_BACKUPS).intValue(),
                        ClusterConfig.quorum(s),
                        ClusterConfig.kubernetes(s),
                        ClusterConfig.failureDetectionS(s));
        MqttIngressOptions mqtt =
                new MqttIngressOptions(
                        s.find(MQTT_SERVER).orElse(null),
                        s.get(MQTT_EMBEDDED_HOST),
                        s.get(MQTT_EMBEDDED_PORT).intValue(),
                        s.get(MQTT_CLIENTS).intValue(),
                        s.get(MQTT_SHARE_GROUP),
                        s.get(MQTT_TOPIC_PREFIX),
                        s.find(MQTT_USERNAME).orElse(null),
                        s.find(MQTT_PASSWORD_FILE)
                                .map(f -> readSecret(f, MQTT_PASSWORD_FILE.key()))
                                .orElse(null));
        FleetOptions d = FleetOptions.defaults();
        FleetOptions fleet =
                d.withStaleAfter(s.get(STALE_AFTER)).withWindowReadings(s.get(WINDOW).intValue());
        DispatchOptions dispatch =
                new DispatchOptions(
                        s.get(ACK_TIMEOUT),
                        s.get(MAX_ATTEMPTS).intValue(),
                        DispatchOptions.defaults().retryInterval());
        return new AggregatorOptions(
                cluster,
                mqtt,
                s.get(COAP_HOST),
                s.get(COAP_PORT).intValue(),
                s.get(HTTP_HOST),
                s.get(HTTP_PORT).intValue(),
                s.get(SITE_RATE),
                s.get(SITE_BURST),
                EdgeCodecOptions.defaults(),
                fleet,
                dispatch,
                ven(s),
                SecurityConfig.api(s),
                SecurityConfig.coapDtls(s),
                ledger(s),
                ScheduleConfig.schedule(s));
    }

    /** The ledger unless {@code ledger.enabled} is false: PostgreSQL when a JDBC URL is named. */
    private static LedgerOptions ledger(Settings s) {
        if (!s.get(LEDGER_ENABLED)) {
            return null;
        }
        StorageOptions storage =
                s.find(LEDGER_JDBC_URL)
                        .map(
                                url ->
                                        StorageOptions.postgres(
                                                url,
                                                s.find(LEDGER_USER).orElse(null),
                                                s.find(LEDGER_PASSWORD_FILE)
                                                        .map(
                                                                f ->
                                                                        new String(
                                                                                readSecret(
                                                                                        f,
                                                                                        LEDGER_PASSWORD_FILE
                                                                                                .key())))
                                                        .orElse(null)))
                        .orElseGet(() -> StorageOptions.h2File(s.get(LEDGER_FOLDER)));
        return new LedgerOptions(
                storage,
                s.get(SETTLE_BASELINE),
                Duration.ofMinutes(s.get(SETTLE_INTERVAL)),
                s.get(SETTLE_ZONE),
                s.get(SETTLE_CAPACITY_PRICE),
                s.get(SETTLE_ENERGY_PRICE),
                s.get(SETTLE_THRESHOLD),
                s.get(SETTLE_PENALTY),
                s.get(SETTLE_CAP),
                SettlementConfig.auto(s));
    }

    /** The VEN's options when a VTN is named, else {@code null} (no VEN on this node). */
    private static VenOptions ven(Settings s) {
        return s.find(VEN_VTN_URL)
                .map(
                        url ->
                                VenOptions.of(url, s.get(VEN_NAME), s.get(VEN_FOLDER))
                                        .withVenId(s.find(VEN_ID).orElse(null))
                                        .withPollInterval(s.get(VEN_POLL))
                                        .withValidate(s.get(VEN_VALIDATE))
                                        .withRetries(s.get(VEN_RETRIES).intValue())
                                        .withPushUrl(s.find(VEN_PUSH_URL).orElse(null))
                                        .withTls(venTls(s))
                                        .withXmlSignature(s.get(VEN_XML_SIGNATURE)))
                .orElse(null);
    }

    /** The VEN's TLS when a key store is named: the trust store must be named with it. */
    private static VenTls venTls(Settings s) {
        return s.find(VEN_KEY_STORE)
                .map(
                        keys ->
                                new VenTls(
                                        keys,
                                        s.find(VEN_KEY_PASSWORD_FILE)
                                                .map(
                                                        f ->
                                                                new String(
                                                                        readSecret(
                                                                                f,
                                                                                VEN_KEY_PASSWORD_FILE
                                                                                        .key())))
                                                .orElse(""),
                                        s.find(VEN_TRUST_STORE)
                                                .orElseThrow(
                                                        () ->
                                                                new InvalidFieldException(
                                                                        VEN_TRUST_STORE.key(),
                                                                        "required",
                                                                        null,
                                                                        "is required with "
                                                                                + VEN_KEY_STORE
                                                                                        .key())),
                                        s.find(VEN_TRUST_PASSWORD_FILE)
                                                .map(
                                                        f ->
                                                                new String(
                                                                        readSecret(
                                                                                f,
                                                                                VEN_TRUST_PASSWORD_FILE
                                                                                        .key())))
                                                .orElse(""),
                                        s.find(VEN_VTN_FINGERPRINT).orElse(null),
                                        null))
                .orElse(null);
    }

    private static char[] readSecret(Path file, String option) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip().toCharArray();
        } catch (IOException e) {
            throw new GridshiftException(
                    ErrorKind.BAD_INPUT,
                    "config_unreadable",
                    option + ": cannot read " + file + ": " + e,
                    e);
        }
    }
}
