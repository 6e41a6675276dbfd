package io.gridshift.edge.codec;

import io.gridshift.domain.dispatch.Ack;
import io.gridshift.domain.dispatch.AckStatus;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.SiteId;
import java.io.IOException;
import java.time.Instant;
import java.util.Set;

/** The acknowledgement of one revision of a dispatch order. */
final class AckCodec {
    private static final FieldSet FIELDS =
            FieldSet.of(
                    "v", "dispatchId", "revision", "site", "status", "ts", "reason", "achievedKw");
    private static final int V = 0;
    private static final int DISPATCH_ID = 1;
    private static final int REVISION = 2;
    private static final int SITE = 3;
    private static final int STATUS = 4;
    private static final int TS = 5;
    private static final int REASON = 6;
    private static final int ACHIEVED = 7;
    private static final long REQUIRED = (1L << REASON) - 1;
    private static final AckStatus[] STATUSES = AckStatus.values();

    private AckCodec() {}

    static Ack read(WireReader r) throws IOException {
        DispatchId dispatchId = null;
        int revision = 0;
        SiteId site = null;
        AckStatus status = null;
        Instant ts = null;
        String reason = null;
        Double achievedKw = null;
        long seen = 0;
        Set<String> unknown = null;
        int f = -1;
        while ((f = r.nextField(FIELDS, f + 1)) != WireReader.END) {
            seen = r.mark(seen, f);
            switch (f) {
                case V -> r.version();
                case DISPATCH_ID -> dispatchId = r.string(DispatchId::new);
                case REVISION -> revision = (int) r.integer(1, Integer.MAX_VALUE);
                case SITE -> site = r.siteId();
                case STATUS ->
                        status =
                                r.enumValue(
                                        STATUSES,
                                        "must be one of ACCEPTED, REJECTED, ACTIVE, COMPLETED, FAILED");
                case TS -> ts = r.instant();
                case REASON -> reason = r.optionalText();
                case ACHIEVED -> achievedKw = r.optionalNumber();
                default -> unknown = r.skipUnknown(unknown);
            }
        }
        r.requireAll(seen, REQUIRED, FIELDS);
        try {
            return new Ack(dispatchId, revision, site, status, reason, achievedKw, ts);
        } catch (InvalidFieldException e) {
            throw r.nest(e);
        }
    }

    static void write(WireWriter w, Ack a) throws IOException {
        w.startMessage();
        w.field("dispatchId", a.dispatchId().value());
        w.field("revision", a.revision());
        w.field("site", a.site().value());
        w.field("status", a.status().name());
        w.field("ts", a.ts());
        w.text("reason", a.reason());
        w.optional("achievedKw", a.achievedKw());
        w.endObject();
    }
}
