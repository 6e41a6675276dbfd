package io.gridshift.agent.transport.mqtt;

import io.gridshift.agent.transport.TransportErrors;
import io.gridshift.domain.error.ErrorKind;
import java.util.concurrent.CompletableFuture;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Paho's asynchronous calls with their token callbacks turned into futures and hooks. */
final class PahoActions {
    private static final Logger LOG = LoggerFactory.getLogger(PahoActions.class);

    /** MQTT v5 §3.2.2.3.3: a CONNACK without Receive Maximum means 65,535. */
    private static final int DEFAULT_RECEIVE_MAXIMUM = 65_535;

    private PahoActions() {}

    /**
     * Publishes; the future completes when Paho's token does: on PUBACK at QoS 1, once written at
     * QoS 0. A PUBACK with an error reason code (0x80 and up, e.g. not authorized) fails it.
     */
    static CompletableFuture<Void> publish(
            MqttAsyncClient client, String topic, byte[] payload, int qos, boolean retained) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            client.publish(
                    topic,
                    MqttConnectOptions.message(payload, qos, retained),
                    null,
                    new MqttActionListener() {
                        @Override
                        public void onSuccess(IMqttToken token) {
                            int reason = firstReasonCode(token);
                            if (reason >= 0x80) {
                                done.completeExceptionally(
                                        TransportErrors.refused(
                                                ErrorKind.UNAVAILABLE,
                                                "the broker refused the message on "
                                                        + topic
                                                        + " (reason 0x"
                                                        + Integer.toHexString(reason)
                                                        + ")"));
                            } else {
                                done.complete(null);
                            }
                        }

                        @Override
                        public void onFailure(IMqttToken token, Throwable error) {
                            done.completeExceptionally(
                                    TransportErrors.disconnected("publish failed", error));
                        }
                    });
        } catch (MqttException e) {
            done.completeExceptionally(TransportErrors.disconnected("publish failed: " + e, e));
        }
        return done;
    }

    /**
     * Subscribes at {@code qos}; {@code then} runs once the broker answered (SUBACK) or the attempt
     * failed. A refused subscription is logged as an error: no order would reach the agent, and
     * only an operator can fix the broker's rights.
     */
    static void subscribe(MqttAsyncClient client, String topic, int qos, Runnable then) {
        try {
            client.subscribe(
                    topic,
                    qos,
                    null,
                    new MqttActionListener() {
                        @Override
                        public void onSuccess(IMqttToken token) {
                            int reason = firstReasonCode(token);
                            if (reason >= 0x80) {
                                LOG.error(
                                        "the broker refused the subscription to {} (reason 0x{})",
                                        topic,
                                        Integer.toHexString(reason));
                            }
                            then.run();
                        }

                        @Override
                        public void onFailure(IMqttToken token, Throwable error) {
                            // the link is going down; the next connect subscribes again
                            LOG.warn("subscribing to {} failed: {}", topic, error.toString());
                            then.run();
                        }
                    });
        } catch (MqttException e) {
            LOG.warn("subscribing to {} failed: {}", topic, e.toString());
            then.run();
        }
    }

    /** The first reason code of an acknowledgement, 0 when there is none. */
    static int firstReasonCode(IMqttToken token) {
        int[] codes = token.getReasonCodes();
        return codes == null || codes.length == 0 ? 0 : codes[0];
    }

    /** The broker's receive maximum from a connect token's CONNACK. */
    static int receiveMaximum(IMqttToken token) {
        MqttProperties properties = token.getResponseProperties();
        Integer max = properties == null ? null : properties.getReceiveMaximum();
        return max == null ? DEFAULT_RECEIVE_MAXIMUM : max;
    }
}
