package io.gridshift.edge;

import io.gridshift.domain.Ids;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.SiteId;

/** The site and channel checks that MQTT topics and CoAP paths share. */
final class Addresses {
    private Addresses() {}

    /**
     * @param field {@code topic} or {@code path}, for the error
     * @param whole the whole topic or path, for the error
     */
    static EdgeAddress of(String field, String whole, String site, String segment) {
        if (!Ids.isValid(site)) {
            throw new InvalidFieldException(
                    field, "pattern", whole, "must name a site matching " + Ids.PATTERN);
        }
        Channel channel = Channel.fromSegment(segment);
        if (channel == null) {
            throw new InvalidFieldException(
                    field,
                    "enum",
                    whole,
                    "must end in one of telemetry, flex, status, dispatch, ack, jobs, plan, plan-ack");
        }
        return new EdgeAddress(new SiteId(site), channel);
    }
}
