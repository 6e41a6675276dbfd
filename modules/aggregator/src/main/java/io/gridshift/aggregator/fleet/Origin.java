package io.gridshift.aggregator.fleet;

import java.util.Objects;

/**
 * Where a message came in: the transport and the aggregator node that received it. A CoAP site
 * observes its dispatch resource on that node, so orders for it are notified there.
 *
 * @param transport MQTT or CoAP
 * @param node the receiving node's id
 */
public record Origin(Transport transport, String node) {
    public Origin {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(node, "node");
    }
}
