package io.gridshift.agent.config;

import static io.gridshift.agent.config.AgentConfig.COAP_CBOR;
import static io.gridshift.agent.config.AgentConfig.COAP_PSK_FILE;
import static io.gridshift.agent.config.AgentConfig.COAP_PSK_IDENTITY;
import static io.gridshift.agent.config.AgentConfig.COAP_URI;
import static io.gridshift.agent.config.AgentConfig.DATA_FOLDER;
import static io.gridshift.agent.config.AgentConfig.ENV_PREFIX;
import static io.gridshift.agent.config.AgentConfig.MQTT_CLIENT_ID;
import static io.gridshift.agent.config.AgentConfig.MQTT_KEY_STORE;
import static io.gridshift.agent.config.AgentConfig.MQTT_KEY_STORE_PASSWORD_FILE;
import static io.gridshift.agent.config.AgentConfig.MQTT_PASSWORD_FILE;
import static io.gridshift.agent.config.AgentConfig.MQTT_SERVER;
import static io.gridshift.agent.config.AgentConfig.MQTT_SESSION_EXPIRY;
import static io.gridshift.agent.config.AgentConfig.MQTT_TELEMETRY_QOS;
import static io.gridshift.agent.config.AgentConfig.MQTT_TOPIC_PREFIX;
import static io.gridshift.agent.config.AgentConfig.MQTT_TRUST_STORE;
import static io.gridshift.agent.config.AgentConfig.MQTT_TRUST_STORE_PASSWORD_FILE;
import static io.gridshift.agent.config.AgentConfig.MQTT_USERNAME;
import static io.gridshift.agent.config.AgentConfig.SITE_ID;
import static io.gridshift.agent.config.AgentConfig.SITE_ZONE;
import static io.gridshift.agent.config.AgentConfig.TRANSPORT;

import io.gridshift.agent.AgentFolders;
import io.gridshift.agent.EdgeAgent;
import io.gridshift.agent.dispatch.DispatchOptions;
import io.gridshift.agent.schedule.JobOptions;
import io.gridshift.agent.sim.FlexJobGenerator;
import io.gridshift.agent.site.CompositeSiteAdapter;
import io.gridshift.agent.site.SiteAdapter;
import io.gridshift.agent.site.SiteAdapterFactories;
import io.gridshift.agent.site.SiteAdapterFactory;
import io.gridshift.agent.transport.EdgeTransport;
import io.gridshift.agent.transport.Secret;
import io.gridshift.agent.transport.StatusPayloads;
import io.gridshift.agent.transport.coap.CoapTransport;
import io.gridshift.agent.transport.coap.CoapTransportOptions;
import io.gridshift.agent.transport.mqtt.MqttTransport;
import io.gridshift.agent.transport.mqtt.MqttTransportOptions;
import io.gridshift.agent.transport.mqtt.TlsFiles;
import io.gridshift.domain.config.Settings;
import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import io.gridshift.edge.codec.EdgeCodec;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Builds a ready agent from its configuration: checks every option first (a bad one fails with the
 * key, the rule and the source before anything starts), then wires adapter, transport and agent.
 */
public final class AgentSetup {
    private AgentSetup() {}

    /** Reads a properties file; the environment overrides it. */
    public static Settings load(Path file, Map<String, String> env) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new GridshiftException(
                    ErrorKind.BAD_INPUT, "config_unreadable", "cannot read " + file + ": " + e, e);
        }
        Map<String, String> values = new HashMap<>();
        properties.forEach((k, v) -> values.put(k.toString(), v.toString()));
        Settings settings = new Settings(values, env, ENV_PREFIX, file.toString());
        settings.rejectUnknownKeys(AgentConfig.all());
        return settings;
    }

    /** The agent described by {@code settings}; not started. */
    public static EdgeAgent build(Settings settings, Clock clock) {
        SiteId site = SiteId.of(settings.get(SITE_ID));
        GridZone zone = GridZone.of(settings.get(SITE_ZONE));
        SiteAdapter adapter =
                adapter(settings, SiteAdapterFactories.discover(), site, zone, clock.instant());
        EdgeTransport transport = transport(settings, site, clock);
        AgentFolders folders =
                new AgentFolders(settings.get(DATA_FOLDER), AgentConfig.buffer(settings));
        JobOptions jobs = AgentConfig.jobs(settings);
        FlexJobGenerator generator =
                jobs.enabled() ? new FlexJobGenerator(jobs, site, zone, clock.instant()) : null;
        return new EdgeAgent(
                site,
                adapter,
                transport,
                clock,
                folders,
                AgentConfig.reporting(settings),
                DispatchOptions.defaults(),
                generator,
                jobs);
    }

    /**
     * The site adapter the settings name: one adapter as it is, several as a {@link
     * CompositeSiteAdapter} whose first one reads the facility.
     */
    static SiteAdapter adapter(
            Settings settings,
            SiteAdapterFactories factories,
            SiteId site,
            GridZone zone,
            Instant start) {
        String option = settings.find(AgentConfig.ADAPTERS).isPresent() ? "adapters" : "adapter";
        List<SiteAdapterFactory> chosen = new ArrayList<>();
        for (String name : AgentConfig.adapterNames(settings)) {
            chosen.add(factories.get(option, name));
        }
        List<SiteAdapter> adapters = new ArrayList<>();
        try {
            for (SiteAdapterFactory f : chosen) {
                adapters.add(f.create(settings, site, zone, start));
            }
        } catch (RuntimeException e) {
            for (SiteAdapter a : adapters) {
                try {
                    a.close();
                } catch (Exception closing) {
                    e.addSuppressed(closing);
                }
            }
            throw e;
        }
        return adapters.size() == 1 ? adapters.get(0) : new CompositeSiteAdapter(adapters);
    }

    static EdgeTransport transport(Settings settings, SiteId site, Clock clock) {
        String version =
                Optional.ofNullable(EdgeAgent.class.getPackage().getImplementationVersion())
                        .orElse("dev");
        boolean cbor =
                settings.get(TRANSPORT) == AgentConfig.Transport.COAP && settings.get(COAP_CBOR);
        StatusPayloads status =
                StatusPayloads.of(site, cbor ? EdgeCodec.cbor() : EdgeCodec.json(), clock, version);
        return switch (settings.get(TRANSPORT)) {
            case MQTT -> new MqttTransport(mqtt(settings, site), status);
            case COAP -> new CoapTransport(coap(settings, site), status);
        };
    }

    static MqttTransportOptions mqtt(Settings s, SiteId site) {
        MqttTransportOptions.Builder b =
                MqttTransportOptions.builder(site, s.get(MQTT_SERVER))
                        .telemetryQos(s.get(MQTT_TELEMETRY_QOS).intValue())
                        .sessionExpiry(s.get(MQTT_SESSION_EXPIRY))
                        .topicPrefix(s.get(MQTT_TOPIC_PREFIX));
        s.find(MQTT_CLIENT_ID).ifPresent(b::clientId);
        Optional<String> user = s.find(MQTT_USERNAME);
        if (user.isPresent()) {
            b.credentials(
                    user.get(), s.find(MQTT_PASSWORD_FILE).map(Secret::fromFile).orElse(null));
        }
        Optional<Path> trust = s.find(MQTT_TRUST_STORE);
        if (trust.isPresent()) {
            TlsFiles tls =
                    TlsFiles.trusting(trust.get(), secret(s.find(MQTT_TRUST_STORE_PASSWORD_FILE)));
            Optional<Path> keys = s.find(MQTT_KEY_STORE);
            if (keys.isPresent()) {
                tls = tls.withKeyStore(keys.get(), secret(s.find(MQTT_KEY_STORE_PASSWORD_FILE)));
            }
            b.tls(tls);
        }
        return b.build();
    }

    static CoapTransportOptions coap(Settings s, SiteId site) {
        CoapTransportOptions.Builder b =
                CoapTransportOptions.builder(site, s.get(COAP_URI)).cbor(s.get(COAP_CBOR));
        Optional<String> identity = s.find(COAP_PSK_IDENTITY);
        if (identity.isPresent()) {
            b.psk(identity.get(), secret(s.find(COAP_PSK_FILE)));
        }
        return b.build();
    }

    private static Secret secret(Optional<Path> file) {
        return file.map(Secret::fromFile).orElse(null);
    }
}
