package io.gridshift.edge;

import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.SiteId;
import java.util.List;

/**
 * CoAP resource paths of the edge protocol: {@code /v1/sites/{site}/{channel}} on every aggregator
 * node. Californium hands a request's path over as a list of URI-Path options, so both forms parse.
 */
public final class CoapPaths {
    /** The protocol's major version as the first path segment. */
    public static final String VERSION_SEGMENT = "v1";

    private static final String SITES = "sites";
    private static final String SHAPE = "must be /v1/sites/{site}/{channel}";

    private CoapPaths() {}

    /** {@code /v1/sites/{site}/{channel}}. */
    public static String path(SiteId site, Channel channel) {
        return "/" + VERSION_SEGMENT + "/" + SITES + "/" + site.value() + "/" + channel.segment();
    }

    /** The URI-Path options of {@link #path}, one segment each. */
    public static List<String> segments(SiteId site, Channel channel) {
        return List.of(VERSION_SEGMENT, SITES, site.value(), channel.segment());
    }

    /**
     * The site and channel of a request path such as {@code /v1/sites/dc-sh-01/telemetry}. The
     * leading slash is optional; a query, a trailing slash or extra segments are refused.
     *
     * @throws InvalidFieldException (field {@code path}) for any other shape
     */
    public static EdgeAddress parse(String path) {
        if (path == null) {
            throw new InvalidFieldException("path", "required", null, "is required");
        }
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return parse(List.of(relative.split("/", -1)), path);
    }

    /**
     * The site and channel of a request's URI-Path options, e.g. {@code [v1, sites, dc-sh-01,
     * telemetry]} as Californium's {@code OptionSet.getUriPath()} returns them.
     */
    public static EdgeAddress parse(List<String> segments) {
        if (segments == null) {
            throw new InvalidFieldException("path", "required", null, "is required");
        }
        return parse(segments, "/" + String.join("/", segments));
    }

    private static EdgeAddress parse(List<String> segments, String whole) {
        if (segments.size() != 4
                || !VERSION_SEGMENT.equals(segments.get(0))
                || !SITES.equals(segments.get(1))) {
            throw new InvalidFieldException("path", "pattern", whole, SHAPE);
        }
        return Addresses.of("path", whole, segments.get(2), segments.get(3));
    }
}
