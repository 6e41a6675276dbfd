package io.gridshift.edge;

import io.gridshift.domain.Check;
import io.gridshift.domain.site.SiteId;

/**
 * Where an edge message was published or posted: the site its topic or path names, and the channel.
 * Parsed from an MQTT topic by {@link EdgeTopics} or from a CoAP path by {@link CoapPaths}.
 *
 * @param site the site named by the topic or path
 * @param channel the message stream
 */
public record EdgeAddress(SiteId site, Channel channel) {
    public EdgeAddress {
        Check.required("site", site);
        Check.required("channel", channel);
    }
}
