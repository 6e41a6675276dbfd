package io.gridshift.agent.transport.mqtt;

import io.gridshift.agent.transport.TransportErrors;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paho's client-wide callback (its per-subscription listeners are unreliable in 1.2.5). Runs on
 * Paho's callback thread: it hands lost links to the transport's scheduler and dispatch payloads
 * straight to the agent, and never throws back into Paho, which would drop the connection and
 * receive the same message again, forever.
 */
final class PahoCallback implements MqttCallback {
    private static final Logger LOG = LoggerFactory.getLogger(PahoCallback.class);

    private final MqttTransport transport;
    private final String dispatchTopic;
    private final String planTopic;
    private final int maxPayloadBytes;

    PahoCallback(
            MqttTransport transport, String dispatchTopic, String planTopic, int maxPayloadBytes) {
        this.transport = transport;
        this.dispatchTopic = dispatchTopic;
        this.planTopic = planTopic;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        boolean plan = planTopic.equals(topic);
        if (!plan && !dispatchTopic.equals(topic)) {
            LOG.warn("ignoring a message on {}, which this agent did not subscribe to", topic);
            return;
        }
        byte[] payload = message.getPayload();
        if (payload.length > maxPayloadBytes) {
            LOG.warn(
                    "dropping a dispatch of {} bytes, more than the limit of {}",
                    payload.length,
                    maxPayloadBytes);
            transport.onDispatchRefused("too_large");
            return;
        }
        if (plan) {
            transport.onPlan(payload);
        } else {
            transport.onDispatch(payload);
        }
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        Throwable cause = response.getException();
        if (cause == null) {
            cause =
                    TransportErrors.disconnected(
                            "the broker disconnected (reason 0x"
                                    + Integer.toHexString(response.getReturnCode())
                                    + (response.getReasonString() == null
                                            ? ""
                                            : ", " + response.getReasonString())
                                    + ")");
        }
        Throwable lost = cause;
        transport.post(() -> transport.onLost(lost));
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        LOG.warn("MQTT protocol error: {}", exception.toString());
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // each publication's own listener completes its future
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        // the connect listener handles this, with the session-present flag
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        LOG.debug("ignoring an AUTH packet (reason {}): no enhanced authentication", reasonCode);
    }
}
