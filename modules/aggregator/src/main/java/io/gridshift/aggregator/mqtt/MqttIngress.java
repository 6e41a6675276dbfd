package io.gridshift.aggregator.mqtt;

import io.gridshift.aggregator.fleet.Origin;
import io.gridshift.aggregator.fleet.Transport;
import io.gridshift.aggregator.ingest.EdgeIngest;
import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.edge.Channel;
import io.gridshift.edge.EdgeAddress;
import io.gridshift.edge.EdgeTopics;
import io.gridshift.edge.codec.EdgeCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's MQTT side: {@code clients} Paho v5 connections, each subscribed to the edge topics
 * through the cluster's shared subscription, so the broker spreads the fleet's messages over every
 * client of every node. A QoS 1 message is acknowledged to the broker (manual PUBACK) only once it
 * is stored, so a node that dies before storing it gets it redelivered from its persistent session;
 * a refused message is acknowledged too (it is counted, not lost).
 */
public final class MqttIngress implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MqttIngress.class);

    /**
     * How long the broker keeps a node's session after its connection drops. Brokers keep handing a
     * disconnected session its share of the group's messages (QoS 0 dropped, QoS 1 queued for it),
     * so a node killed and not restarted takes a third of the acks and telemetry (three nodes) out
     * of circulation for this long; a node restarted within it gets the queued QoS 1 messages back
     * (its client ids are stable). Measured with 300 s: acks of a killed node's share never arrived
     * and orders were resent in vain.
     */
    static final long SESSION_EXPIRY_S = 10;

    private static final int TIMEOUT_MS = 30_000;

    private final String serverUri;
    private final MqttIngressOptions options;
    private final EdgeIngest ingest;
    private final EdgeTopics topics;
    private final EdgeCodec codec;
    private final Origin origin;
    private final String nodeId;
    private final String sessionName;
    private final List<MqttAsyncClient> clients = new ArrayList<>();
    private final AtomicInteger connected = new AtomicInteger();
    private final AtomicLong unstored = new AtomicLong();
    private final Map<MqttAsyncClient, Integer> receiveMaximum = new ConcurrentHashMap<>();

    /**
     * @param serverUri the broker (external, or the embedded one's URI)
     * @param nodeId this node's id; client ids are {@code gridshift-{nodeId}-{n}}
     */
    public MqttIngress(
            String serverUri,
            MqttIngressOptions options,
            EdgeIngest ingest,
            EdgeCodec codec,
            String nodeId) {
        this(serverUri, options, ingest, codec, nodeId, nodeId);
    }

    /**
     * @param sessionName what the clients' ids are made of ({@code gridshift-<sessionName>-<i>}):
     *     stable across restarts of one member (its cluster and address), so that a restarted node
     *     takes its broker sessions back, with the QoS 1 messages queued there, instead of leaving
     *     them to expire while the broker still hands them their share of the telemetry
     */
    public MqttIngress(
            String serverUri,
            MqttIngressOptions options,
            EdgeIngest ingest,
            EdgeCodec codec,
            String nodeId,
            String sessionName) {
        this.sessionName = sessionName.replaceAll("[^A-Za-z0-9.-]", "-");
        this.serverUri = serverUri;
        this.options = options;
        this.ingest = ingest;
        this.topics = options.topics();
        this.codec = codec;
        this.nodeId = nodeId;
        this.origin = new Origin(Transport.MQTT, nodeId);
    }

    /** Connects and subscribes every client; blocking (call it off the event loop). */
    public void start() throws MqttException {
        for (int i = 0; i < options.clients(); i++) {
            MqttAsyncClient client =
                    new MqttAsyncClient(
                            serverUri,
                            "gridshift-" + sessionName + "-" + i,
                            new MemoryPersistence());
            client.setManualAcks(true);
            client.setCallback(new Callback(client));
            clients.add(client);
            IMqttToken connected = client.connect(connectOptions());
            connected.waitForCompletion(TIMEOUT_MS);
            receiveMaximum.put(client, receiveMaximum(connected));
            subscribe(client).waitForCompletion(TIMEOUT_MS);
        }
        LOG.info(
                "MQTT ingress: {} clients on {} in share group {}",
                clients.size(),
                serverUri,
                options.shareGroup());
    }

    private MqttConnectionOptions connectOptions() {
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(false);
        o.setSessionExpiryInterval(SESSION_EXPIRY_S);
        o.setAutomaticReconnect(true);
        o.setAutomaticReconnectDelay(1, 30);
        o.setReceiveMaximum(65_535);
        o.setConnectionTimeout(TIMEOUT_MS / 1000);
        o.setKeepAliveInterval(30);
        if (options.username() != null) {
            o.setUserName(options.username());
        }
        if (options.password() != null) {
            o.setPassword(new String(options.password()).getBytes(StandardCharsets.UTF_8));
        }
        return o;
    }

    private IMqttToken subscribe(MqttAsyncClient client) throws MqttException {
        List<MqttSubscription> subs = new ArrayList<>();
        for (Channel c : Channel.values()) {
            if (c.direction() == Channel.Direction.AGENT_TO_AGGREGATOR) {
                subs.add(
                        new MqttSubscription(
                                topics.sharedFilter(options.shareGroup(), c), c.maxMqttQos()));
            }
        }
        return client.subscribe(
                subs.toArray(new MqttSubscription[0]), null, null, new MqttProperties());
    }

    /** The broker's receive maximum (CONNACK; 65,535 when it sets none, MQTT v5 §3.2.2.3.3). */
    private static int receiveMaximum(IMqttToken connected) {
        MqttProperties p = connected.getResponseProperties();
        Integer max = p == null ? null : p.getReceiveMaximum();
        return max == null ? 65_535 : max;
    }

    /** How many QoS 1 publications {@code client} may have in flight at its broker. */
    public int receiveMaximum(MqttAsyncClient client) {
        return receiveMaximum.getOrDefault(client, 10);
    }

    /** Clients connected now. */
    public int connectedClients() {
        return connected.get();
    }

    /** Whether every client is connected. */
    public boolean isConnected() {
        return !clients.isEmpty() && connected.get() == clients.size();
    }

    /** QoS 1 messages that could not be stored and were left unacknowledged. */
    public long unstored() {
        return unstored.get();
    }

    /** The clients, for publishing orders. */
    public List<MqttAsyncClient> clients() {
        return clients;
    }

    @Override
    public void close() {
        for (MqttAsyncClient c : clients) {
            try {
                if (c.isConnected()) {
                    // a stopping node ends its sessions: a session left behind would still get
                    // its share of the group's messages (QoS 0 dropped, QoS 1 queued) until it
                    // expired, although the other nodes are there to take them
                    MqttProperties end = new MqttProperties();
                    end.setSessionExpiryInterval(0L);
                    c.disconnect(2_000, null, null, 0, end).waitForCompletion(5_000);
                }
                c.close(true);
            } catch (MqttException e) {
                LOG.debug("closing {}: {}", c.getClientId(), e.toString());
            }
        }
        clients.clear();
    }

    private void arrived(MqttAsyncClient client, String topic, MqttMessage message) {
        EdgeAddress address;
        try {
            address = topics.parse(topic);
        } catch (GridshiftException e) {
            ingest.refused(origin, e);
            ack(client, message);
            return;
        }
        boolean confirm = message.getQos() > 0;
        CompletionStage<Void> stored;
        try {
            stored = ingest.accept(address, codec, message.getPayload(), origin, null, confirm);
        } catch (GridshiftException refused) {
            ack(client, message);
            return;
        }
        if (!confirm) {
            return;
        }
        stored.whenComplete(
                (ok, error) -> {
                    if (error == null || isRefusal(error)) {
                        ack(client, message);
                    } else {
                        // not stored: leave it unacknowledged so the broker sends it again
                        unstored.incrementAndGet();
                    }
                });
    }

    private static boolean isRefusal(Throwable error) {
        Throwable cause = error.getCause() != null ? error.getCause() : error;
        return cause instanceof GridshiftException g && g.kind() != ErrorKind.UNAVAILABLE;
    }

    private static void ack(MqttAsyncClient client, MqttMessage message) {
        if (message.getQos() == 0) {
            return;
        }
        try {
            client.messageArrivedComplete(message.getId(), message.getQos());
        } catch (MqttException e) {
            LOG.debug("PUBACK for {} not sent: {}", message.getId(), e.toString());
        }
    }

    private final class Callback implements MqttCallback {
        private final MqttAsyncClient client;

        Callback(MqttAsyncClient client) {
            this.client = client;
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            arrived(client, topic, message);
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            connected.incrementAndGet();
            if (reconnect) {
                // the broker may have lost the session (an embedded broker restarted)
                try {
                    subscribe(client);
                } catch (MqttException e) {
                    LOG.error("resubscribing {} failed", client.getClientId(), e);
                }
                LOG.info("{} reconnected to {}", client.getClientId(), serverURI);
            }
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
            connected.updateAndGet(n -> Math.max(0, n - 1));
            LOG.warn("{} lost its link to the broker: {}", client.getClientId(), response);
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            LOG.warn("{}: {}", client.getClientId(), exception.toString());
        }

        @Override
        public void deliveryComplete(IMqttToken token) {}

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {}
    }
}
