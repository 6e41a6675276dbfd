package io.gridshift.agent.transport.mqtt;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * A test subscriber's client-wide callback (Paho 1.2.5's per-subscription listeners are
 * unreliable): records every message with its topic, QoS and retained flag.
 */
final class TopicRecorder implements MqttCallback {
    private final List<Received> messages = new CopyOnWriteArrayList<>();

    record Received(String topic, byte[] payload, int qos, boolean retained) {}

    List<Received> on(String topic) {
        return messages.stream().filter(m -> m.topic().equals(topic)).toList();
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        messages.add(
                new Received(topic, message.getPayload(), message.getQos(), message.isRetained()));
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
