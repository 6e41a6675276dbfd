package io.gridshift.edge;

import io.gridshift.domain.Check;
import io.gridshift.domain.dispatch.Ack;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.flex.FlexEnvelope;
import io.gridshift.domain.meter.Telemetry;
import io.gridshift.domain.schedule.PlanAck;
import io.gridshift.domain.schedule.SiteJobs;
import io.gridshift.domain.schedule.SitePlan;
import io.gridshift.domain.site.SiteId;
import io.gridshift.domain.site.SiteStatus;

/**
 * The rule that a site speaks only for itself: the site in the topic or path must be the site in
 * the payload and, where the connection is authenticated (TLS or DTLS client identity), that
 * identity too. Otherwise one compromised agent could report or acknowledge for the whole fleet.
 */
public final class SiteCheck {
    /** The reason label of a refused message, for {@code gridshift_rejected_messages_total}. */
    public static final String SITE_MISMATCH = "site_mismatch";

    private SiteCheck() {}

    /**
     * Refuses {@code message} unless its site is the address's site and {@code authenticated}.
     *
     * @param authenticated the identity of the connection; {@code null} where the transport has
     *     none (a test broker), which skips only that half of the check
     * @throws GridshiftException {@link ErrorKind#FORBIDDEN}, reason {@value #SITE_MISMATCH}
     * @throws IllegalArgumentException when the message's type is not the address's channel's
     */
    public static void require(EdgeAddress address, Record message, SiteId authenticated) {
        Check.required("address", address);
        if (!address.channel().messageType().isInstance(message)) {
            throw new IllegalArgumentException(
                    "a "
                            + address.channel()
                            + " address carries "
                            + address.channel().messageType());
        }
        require(address, siteOf(message), authenticated);
    }

    /** As {@link #require(EdgeAddress, Record, SiteId)}, given the payload's site. */
    public static void require(EdgeAddress address, SiteId payloadSite, SiteId authenticated) {
        Check.required("address", address);
        Check.required("site", payloadSite);
        if (!address.site().equals(payloadSite)) {
            throw mismatch(
                    "the payload's site "
                            + payloadSite
                            + " is not the site "
                            + address.site()
                            + " of its "
                            + address.channel().segment()
                            + " topic or path");
        }
        if (authenticated != null && !authenticated.equals(payloadSite)) {
            throw mismatch(
                    "the connection is authenticated as "
                            + authenticated
                            + " but speaks for "
                            + payloadSite);
        }
    }

    /** The site an edge message is about. */
    public static SiteId siteOf(Record message) {
        if (message instanceof Telemetry t) {
            return t.site();
        } else if (message instanceof FlexEnvelope e) {
            return e.site();
        } else if (message instanceof SiteStatus s) {
            return s.site();
        } else if (message instanceof DispatchOrder o) {
            return o.site();
        } else if (message instanceof Ack a) {
            return a.site();
        } else if (message instanceof SiteJobs j) {
            return j.site();
        } else if (message instanceof SitePlan p) {
            return p.site();
        } else if (message instanceof PlanAck a) {
            return a.site();
        }
        throw new IllegalArgumentException(
                "not an edge message: " + (message == null ? "null" : message.getClass()));
    }

    private static GridshiftException mismatch(String detail) {
        return new GridshiftException(ErrorKind.FORBIDDEN, SITE_MISMATCH, "site: " + detail);
    }
}
