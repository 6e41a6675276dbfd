package io.gridshift.agent;

import io.gridshift.domain.dispatch.Ack;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.flex.FlexEnvelope;
import io.gridshift.domain.meter.Telemetry;
import io.gridshift.domain.schedule.PlanAck;
import io.gridshift.domain.schedule.SiteJobs;
import io.gridshift.domain.schedule.SitePlan;
import io.gridshift.domain.site.SiteId;
import io.gridshift.domain.site.SiteStatus;
import io.gridshift.edge.Channel;
import io.gridshift.edge.EdgeAddress;
import io.gridshift.edge.EdgeTopics;
import io.gridshift.edge.codec.EdgeCodec;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * The aggregator's side of the edge protocol, as small as a test needs: a plain Paho client that
 * decodes whatever sites send and publishes dispatch orders. It reconnects only when told.
 */
final class TestAggregator implements MqttCallback, AutoCloseable {
    final List<Telemetry> telemetry = new CopyOnWriteArrayList<>();
    final List<FlexEnvelope> envelopes = new CopyOnWriteArrayList<>();
    final List<Ack> acks = new CopyOnWriteArrayList<>();
    final List<SiteStatus> statuses = new CopyOnWriteArrayList<>();
    final List<SiteJobs> jobs = new CopyOnWriteArrayList<>();
    final List<PlanAck> planAcks = new CopyOnWriteArrayList<>();
    private final EdgeTopics topics = EdgeTopics.defaults();
    private final EdgeCodec codec = EdgeCodec.json();
    private final String uri;
    private final String clientId;
    private MqttClient client;

    TestAggregator(String uri) {
        this(uri, "test-aggregator-" + System.nanoTime());
    }

    /**
     * An aggregator with a persistent session under {@code clientId}: a second instance with the
     * same id receives what the broker queued for the first while nobody was connected.
     */
    TestAggregator(String uri, String clientId) {
        this.uri = uri;
        this.clientId = clientId;
    }

    TestAggregator connect() throws MqttException {
        client = new MqttClient(uri, clientId, new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(600L);
        client.setCallback(this);
        client.connect(options);
        client.subscribe(topics.prefix() + "/sites/+/+", 1);
        return this;
    }

    void send(DispatchOrder order) throws MqttException {
        publish(order.site(), codec.encode(order));
    }

    void publish(SiteId site, byte[] payload) throws MqttException {
        client.publish(topics.topic(site, Channel.DISPATCH), payload, 1, false);
    }

    /** Publishes {@code plan} retained, as the aggregator's schedule service does. */
    void send(SitePlan plan) throws MqttException {
        client.publish(topics.topic(plan.site(), Channel.PLAN), codec.encode(plan), 1, true);
    }

    List<Long> sequence() {
        return telemetry.stream().map(Telemetry::seq).toList();
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        EdgeAddress address = topics.parse(topic);
        byte[] payload = message.getPayload();
        switch (address.channel()) {
            case TELEMETRY -> telemetry.add(codec.decodeTelemetry(payload));
            case FLEX -> envelopes.add(codec.decodeFlex(payload));
            case ACK -> acks.add(codec.decodeAck(payload));
            case STATUS -> statuses.add(codec.decodeStatus(payload));
            case JOBS -> jobs.add(codec.decodeJobs(payload));
            case PLAN_ACK -> planAcks.add(codec.decodePlanAck(payload));
            default -> {}
        }
    }

    @Override
    public void close() throws MqttException {
        if (client != null) {
            if (client.isConnected()) {
                client.disconnect();
            }
            client.close();
        }
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {}

    @Override
    public void mqttErrorOccurred(MqttException exception) {}

    @Override
    public void deliveryComplete(IMqttToken token) {}

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {}

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {}
}
