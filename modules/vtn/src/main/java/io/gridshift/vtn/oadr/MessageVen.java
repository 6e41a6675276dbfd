package io.gridshift.vtn.oadr;

import org.openadr.oadr20b.OadrCancelOptType;
import org.openadr.oadr20b.OadrCancelPartyRegistrationType;
import org.openadr.oadr20b.OadrCancelReportType;
import org.openadr.oadr20b.OadrCanceledReportType;
import org.openadr.oadr20b.OadrCreateOptType;
import org.openadr.oadr20b.OadrCreateReportType;
import org.openadr.oadr20b.OadrCreatedEventType;
import org.openadr.oadr20b.OadrCreatedReportType;
import org.openadr.oadr20b.OadrPollType;
import org.openadr.oadr20b.OadrRegisterReportType;
import org.openadr.oadr20b.OadrRequestEventType;
import org.openadr.oadr20b.OadrResponseType;
import org.openadr.oadr20b.OadrUpdateReportType;

/** The venID a message from a VEN names, wherever its type keeps it. */
final class MessageVen {
    private MessageVen() {}

    /** The venID; null for registration queries and messages without one. */
    static String of(Object m) {
        if (m instanceof OadrPollType p) {
            return p.getVenID();
        }
        if (m instanceof OadrRequestEventType r) {
            return r.getEiRequestEvent() == null ? null : r.getEiRequestEvent().getVenID();
        }
        if (m instanceof OadrCreatedEventType c) {
            return c.getEiCreatedEvent() == null ? null : c.getEiCreatedEvent().getVenID();
        }
        if (m instanceof OadrRegisterReportType r) {
            return r.getVenID();
        }
        if (m instanceof OadrUpdateReportType u) {
            return u.getVenID();
        }
        if (m instanceof OadrCreatedReportType c) {
            return c.getVenID();
        }
        if (m instanceof OadrCanceledReportType c) {
            return c.getVenID();
        }
        if (m instanceof OadrCreateReportType c) {
            return c.getVenID();
        }
        if (m instanceof OadrCancelReportType c) {
            return c.getVenID();
        }
        if (m instanceof OadrCreateOptType c) {
            return c.getVenID();
        }
        if (m instanceof OadrCancelOptType c) {
            return c.getVenID();
        }
        if (m instanceof OadrCancelPartyRegistrationType c) {
            return c.getVenID();
        }
        if (m instanceof OadrResponseType r) {
            return r.getVenID();
        }
        return null;
    }
}
