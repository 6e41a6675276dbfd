package io.gridshift.agent.transport.mqtt;

import io.gridshift.edge.codec.EdgeFormat;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** Turns {@link MqttTransportOptions} into Paho's connect options, one set per attempt. */
final class MqttConnectOptions {
    private MqttConnectOptions() {}

    /**
     * @param willPayload the encoded OFFLINE status, fresh for this attempt
     * @param socketFactory the TLS socket factory, or {@code null} for plain TCP
     */
    static MqttConnectionOptions of(
            MqttTransportOptions options,
            String statusTopic,
            byte[] willPayload,
            SSLSocketFactory socketFactory) {
        MqttConnectionOptions o = new MqttConnectionOptions();
        // The session must outlive the connection: a dispatch published while the link is down
        // waits at the broker, and a QoS 1 message in flight is resent after reconnect.
        o.setCleanStart(false);
        o.setSessionExpiryInterval(options.sessionExpiry().toSeconds());
        o.setKeepAliveInterval((int) options.keepAlive().toSeconds());
        o.setConnectionTimeout((int) options.connectTimeout().toSeconds());
        // Our own loop reconnects with jittered back-off; Paho's would retry on a fixed schedule.
        o.setAutomaticReconnect(false);
        if (options.username() != null) {
            o.setUserName(options.username());
        }
        if (options.password() != null) {
            o.setPassword(options.password().bytes());
        }
        if (socketFactory != null) {
            o.setSocketFactory(socketFactory);
            o.setHttpsHostnameVerificationEnabled(
                    options.tls() == null || options.tls().verifyHostname());
        }
        MqttMessage will = message(willPayload, 1, true);
        o.setWill(statusTopic, will);
        o.setWillMessageProperties(jsonProperties());
        return o;
    }

    static MqttMessage message(byte[] payload, int qos, boolean retained) {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(qos);
        message.setRetained(retained);
        message.setProperties(jsonProperties());
        return message;
    }

    /** Content type and UTF-8 payload format, so that a v5 subscriber knows what it receives. */
    static MqttProperties jsonProperties() {
        MqttProperties properties = new MqttProperties();
        properties.setContentType(EdgeFormat.JSON.mediaType());
        properties.setPayloadFormat(true);
        return properties;
    }
}
