package io.gridshift.aggregator.fleet;

/** How a site reaches the aggregator, and so how orders reach it. */
public enum Transport {
    /** Through the MQTT broker: orders are published on the site's dispatch topic. */
    MQTT,
    /** CoAP to one aggregator node, which notifies the site's observation of its dispatch. */
    COAP
}
