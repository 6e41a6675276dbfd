package io.gridshift.aggregator.coap;

import io.gridshift.domain.Ids;
import io.gridshift.domain.site.SiteId;
import java.security.Principal;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.elements.auth.PreSharedKeyIdentity;

/** The site a CoAP request's DTLS session authenticated: its PSK identity. */
final class CoapIdentity {
    private CoapIdentity() {}

    /**
     * The authenticated site, or {@code null} over plain CoAP, or when the identity is no valid
     * site id (which then matches no site).
     */
    static SiteId site(Request request) {
        Principal peer =
                request.getSourceContext() == null
                        ? null
                        : request.getSourceContext().getPeerIdentity();
        if (peer instanceof PreSharedKeyIdentity psk && Ids.isValid(psk.getIdentity())) {
            return new SiteId(psk.getIdentity());
        }
        return null;
    }

    /** Whether the request came over DTLS with some identity, valid or not. */
    static boolean authenticated(Request request) {
        return request.getSourceContext() != null
                && request.getSourceContext().getPeerIdentity() != null;
    }
}
