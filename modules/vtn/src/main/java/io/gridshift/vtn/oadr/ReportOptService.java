package io.gridshift.vtn.oadr;

import io.gridshift.vtn.ven.VenRegistry;
import java.util.Objects;
import java.util.Optional;
import org.openadr.oadr20b.OadrCancelOptType;
import org.openadr.oadr20b.OadrCanceledOptType;
import org.openadr.oadr20b.OadrCreateOptType;
import org.openadr.oadr20b.OadrCreatedOptType;
import org.openadr.oadr20b.OadrRegisterReportType;
import org.openadr.oadr20b.OadrRegisteredReportType;
import org.openadr.oadr20b.OadrUpdateReportType;
import org.openadr.oadr20b.OadrUpdatedReportType;

/**
 * EiReport and EiOpt, acknowledged only: a VEN's report registration gets an {@code
 * oadrRegisteredReport} that requests no report, its reports an {@code oadrUpdatedReport}, its opt
 * schedules an {@code oadrCreatedOpt} / {@code oadrCanceledOpt}. Nothing is stored yet.
 */
public final class ReportOptService implements OadrService {
    private final VenRegistry vens;

    public ReportOptService(VenRegistry vens) {
        this.vens = Objects.requireNonNull(vens, "vens");
    }

    @Override
    public Optional<Object> handle(Object message) {
        if (message instanceof OadrRegisterReportType r) {
            return Optional.of(registered(r));
        }
        if (message instanceof OadrUpdateReportType u) {
            return Optional.of(updated(u));
        }
        if (message instanceof OadrCreateOptType c) {
            return Optional.of(createdOpt(c));
        }
        if (message instanceof OadrCancelOptType c) {
            return Optional.of(canceledOpt(c));
        }
        return Optional.empty();
    }

    private Object registered(OadrRegisterReportType r) {
        if (vens.find(r.getVenID()).isEmpty()) {
            return Replies.notRegistered(r.getRequestID(), r.getVenID());
        }
        OadrRegisteredReportType reply = new OadrRegisteredReportType();
        reply.setSchemaVersion(Replies.SCHEMA_VERSION);
        reply.setEiResponse(Replies.ok(r.getRequestID()));
        reply.setVenID(r.getVenID());
        return reply;
    }

    private Object updated(OadrUpdateReportType u) {
        if (vens.find(u.getVenID()).isEmpty()) {
            return Replies.notRegistered(u.getRequestID(), u.getVenID());
        }
        OadrUpdatedReportType reply = new OadrUpdatedReportType();
        reply.setSchemaVersion(Replies.SCHEMA_VERSION);
        reply.setEiResponse(Replies.ok(u.getRequestID()));
        reply.setVenID(u.getVenID());
        return reply;
    }

    private Object createdOpt(OadrCreateOptType c) {
        if (vens.find(c.getVenID()).isEmpty()) {
            return Replies.notRegistered(c.getRequestID(), c.getVenID());
        }
        OadrCreatedOptType reply = new OadrCreatedOptType();
        reply.setSchemaVersion(Replies.SCHEMA_VERSION);
        reply.setEiResponse(Replies.ok(c.getRequestID()));
        reply.setOptID(c.getOptID());
        return reply;
    }

    private Object canceledOpt(OadrCancelOptType c) {
        if (vens.find(c.getVenID()).isEmpty()) {
            return Replies.notRegistered(c.getRequestID(), c.getVenID());
        }
        OadrCanceledOptType reply = new OadrCanceledOptType();
        reply.setSchemaVersion(Replies.SCHEMA_VERSION);
        reply.setEiResponse(Replies.ok(c.getRequestID()));
        reply.setOptID(c.getOptID());
        return reply;
    }
}
