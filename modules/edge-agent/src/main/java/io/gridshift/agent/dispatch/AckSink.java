package io.gridshift.agent.dispatch;

import io.gridshift.domain.dispatch.Ack;

/**
 * Where the executor's acknowledgements go: the transport publishes them (MQTT {@code
 * sites/{site}/ack}, CoAP {@code POST /v1/sites/{site}/ack}). Called with the executor's lock held,
 * so an implementation hands the ack over and returns; it must not call back into the executor.
 */
@FunctionalInterface
public interface AckSink {
    void send(Ack ack);
}
