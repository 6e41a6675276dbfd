package io.gridshift.aggregator.coap;

import io.gridshift.aggregator.fleet.Origin;
import io.gridshift.aggregator.ingest.EdgeIngest;
import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.site.SiteId;
import io.gridshift.edge.CoapPaths;
import io.gridshift.edge.EdgeAddress;
import io.gridshift.edge.SiteCheck;
import java.util.List;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.network.Exchange;
import org.eclipse.californium.core.server.DelivererException;
import org.eclipse.californium.core.server.ServerMessageDeliverer;
import org.eclipse.californium.core.server.resources.Resource;

/**
 * Finds a request's resource by the edge protocol's path rule ({@link CoapPaths#parse}) instead of
 * walking the tree, so that every refused path is counted under its reason like a refused MQTT
 * topic, and so that a site's resources appear on its first request. A path not of the shape {@code
 * /v1/sites/{site}/{channel}} is 4.04 (no such resource); that shape with a bad site id or an
 * unknown channel is 4.00, the protocol's {@code BAD_INPUT}. {@code /.well-known/core} keeps
 * Californium's discovery.
 */
final class EdgeDeliverer extends ServerMessageDeliverer {
    private static final String WELL_KNOWN = ".well-known";

    private final SitesResource sites;
    private final EdgeIngest ingest;
    private final Origin origin;
    private final boolean secure;

    /**
     * @param secure whether the endpoint is DTLS: then a request may only address the site its
     *     session authenticated as (4.01 without an identity, 4.03 for another site)
     */
    EdgeDeliverer(
            Resource root, SitesResource sites, EdgeIngest ingest, Origin origin, boolean secure) {
        super(root);
        this.secure = secure;
        this.sites = sites;
        this.ingest = ingest;
        this.origin = origin;
    }

    @Override
    protected Resource findResource(Exchange exchange) throws DelivererException {
        List<String> path = exchange.getRequest().getOptions().getUriPath();
        if (!path.isEmpty() && WELL_KNOWN.equals(path.get(0))) {
            return super.findResource(exchange);
        }
        EdgeAddress address;
        try {
            address = CoapPaths.parse(path);
        } catch (GridshiftException e) {
            ingest.refused(origin, e);
            ResponseCode code =
                    hasEdgeShape(path) ? CoapReplies.code(e.kind()) : ResponseCode.NOT_FOUND;
            throw new DelivererException(code, e.getMessage());
        }
        if (secure) {
            requireIdentity(exchange, address);
        }
        try {
            return sites.resource(address);
        } catch (GridshiftException e) {
            ingest.refused(origin, e);
            throw new DelivererException(CoapReplies.code(e.kind()), e.getMessage());
        }
    }

    /** Refuses, before any resource is made, a request for a site other than the peer's. */
    private void requireIdentity(Exchange exchange, EdgeAddress address) throws DelivererException {
        SiteId peer = CoapIdentity.site(exchange.getRequest());
        GridshiftException e = null;
        if (peer == null) {
            e =
                    new GridshiftException(
                            ErrorKind.UNAUTHENTICATED,
                            "unauthenticated",
                            "the DTLS session carries no site identity");
        } else if (!peer.equals(address.site())) {
            e =
                    new GridshiftException(
                            ErrorKind.FORBIDDEN,
                            SiteCheck.SITE_MISMATCH,
                            "the DTLS session is authenticated as "
                                    + peer
                                    + " but addresses site "
                                    + address.site());
        }
        if (e != null) {
            ingest.refused(origin, e);
            throw new DelivererException(CoapReplies.code(e.kind()), e.getMessage());
        }
    }

    /** {@code v1/sites/x/y}: a path meant for the protocol, whatever its site and channel. */
    private static boolean hasEdgeShape(List<String> path) {
        return path.size() == 4
                && CoapPaths.VERSION_SEGMENT.equals(path.get(0))
                && "sites".equals(path.get(1));
    }
}
