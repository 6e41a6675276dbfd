package io.gridshift.aggregator.mqtt;

import io.gridshift.edge.EdgeTopics;
import java.net.URI;

/**
 * How a node reaches the fleet over MQTT.
 *
 * @param server the external broker, {@code tcp://host:port} or {@code ssl://host:port}; {@code
 *     null}: start the embedded broker (a single node's default)
 * @param embeddedHost the address the embedded broker binds (default {@code 127.0.0.1})
 * @param embeddedPort the embedded broker's port (default 1883; 0 picks a free one)
 * @param clients shared-subscription clients this node runs (default 2): the broker spreads the
 *     edge topics over every client of every node
 * @param shareGroup the MQTT v5 share group of the cluster (default {@code gridshift})
 * @param topicPrefix the edge topics' prefix (default {@code gridshift/v1})
 * @param username user name at the broker; {@code null} for none
 * @param password password at the broker; {@code null} for none (read from a file by the config)
 */
public record MqttIngressOptions(
        URI server,
        String embeddedHost,
        int embeddedPort,
        int clients,
        String shareGroup,
        String topicPrefix,
        String username,
        char[] password) {
    public MqttIngressOptions {
        if (clients < 1 || clients > 64) {
            throw new IllegalArgumentException(
                    "mqtt.clients: must be between 1 and 64, got " + clients);
        }
        if (embeddedPort < 0 || embeddedPort > 65535) {
            throw new IllegalArgumentException(
                    "mqtt.embedded.port: must be between 0 and 65535, got " + embeddedPort);
        }
        new EdgeTopics(topicPrefix).sharedFilter(shareGroup, io.gridshift.edge.Channel.ACK);
    }

    public static MqttIngressOptions defaults() {
        return new MqttIngressOptions(
                null,
                "127.0.0.1",
                1883,
                2,
                EdgeTopics.DEFAULT_SHARE_GROUP,
                EdgeTopics.DEFAULT_PREFIX,
                null,
                null);
    }

    public MqttIngressOptions withServer(URI uri) {
        return new MqttIngressOptions(
                uri,
                embeddedHost,
                embeddedPort,
                clients,
                shareGroup,
                topicPrefix,
                username,
                password);
    }

    public MqttIngressOptions withEmbeddedPort(int port) {
        return new MqttIngressOptions(
                server, embeddedHost, port, clients, shareGroup, topicPrefix, username, password);
    }

    public MqttIngressOptions withClients(int n) {
        return new MqttIngressOptions(
                server, embeddedHost, embeddedPort, n, shareGroup, topicPrefix, username, password);
    }

    public EdgeTopics topics() {
        return new EdgeTopics(topicPrefix);
    }

    @Override
    public String toString() {
        return "MqttIngressOptions[server=%s, embedded=%s:%d, clients=%d, shareGroup=%s, prefix=%s, user=%s]"
                .formatted(
                        server,
                        embeddedHost,
                        embeddedPort,
                        clients,
                        shareGroup,
                        topicPrefix,
                        username);
    }
}
