package io.gridshift.aggregator.fleet;

/**
 * How to reach a site: the transport it last spoke on and the node that heard it (where a CoAP site
 * observes its dispatch resource).
 *
 * @param transport MQTT or CoAP
 * @param node the node's id
 */
public record SiteRoute(Transport transport, String node) {}
