package io.gridshift.edge.codec;

import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.schedule.JobRejection;
import io.gridshift.domain.schedule.PlanAck;
import io.gridshift.domain.schedule.PlanAckStatus;
import io.gridshift.domain.schedule.PlanId;
import io.gridshift.domain.site.SiteId;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The acknowledgement of one plan version, with the jobs the site will not run as planned. */
final class PlanAckCodec {
    private static final FieldSet FIELDS =
            FieldSet.of("v", "planId", "version", "site", "status", "ts", "reason", "rejected");
    private static final long REQUIRED = 0b111111;
    private static final FieldSet REJECTION = FieldSet.of("job", "reason");
    private static final PlanAckStatus[] STATUSES = PlanAckStatus.values();

    private PlanAckCodec() {}

    static PlanAck read(WireReader r) throws IOException {
        PlanId id = null;
        int version = 0;
        SiteId site = null;
        PlanAckStatus status = null;
        Instant ts = null;
        String reason = null;
        List<JobRejection> rejected = List.of();
        long seen = 0;
        Set<String> unknown = null;
        int f = -1;
        while ((f = r.nextField(FIELDS, f + 1)) != WireReader.END) {
            seen = r.mark(seen, f);
            switch (f) {
                case 0 -> r.version();
                case 1 -> id = r.string(PlanId::new);
                case 2 -> version = (int) r.integer(1, Integer.MAX_VALUE);
                case 3 -> site = r.siteId();
                case 4 ->
                        status =
                                r.enumValue(STATUSES, "must be one of ACCEPTED, PARTIAL, REJECTED");
                case 5 -> ts = r.instant();
                case 6 -> reason = r.optionalText();
                case 7 ->
                        rejected =
                                r.list(
                                        "must be an array of rejected jobs",
                                        PlanAckCodec::readRejection);
                default -> unknown = r.skipUnknown(unknown);
            }
        }
        r.requireAll(seen, REQUIRED, FIELDS);
        try {
            return new PlanAck(id, version, site, status, reason, rejected, ts);
        } catch (InvalidFieldException e) {
            throw r.nest(e);
        }
    }

    private static JobRejection readRejection(WireReader r) throws IOException {
        r.startObject();
        String job = null;
        String reason = null;
        long seen = 0;
        Set<String> unknown = null;
        int f = -1;
        while ((f = r.nextField(REJECTION, f + 1)) != WireReader.END) {
            seen = r.mark(seen, f);
            switch (f) {
                case 0 -> job = r.string();
                case 1 -> reason = r.optionalText();
                default -> unknown = r.skipUnknown(unknown);
            }
        }
        r.requireAll(seen, 0b11, REJECTION);
        try {
            return new JobRejection(job, reason);
        } catch (InvalidFieldException e) {
            throw r.nest(e);
        }
    }

    static void write(WireWriter w, PlanAck a) throws IOException {
        w.startMessage();
        w.field("planId", a.planId().value());
        w.field("version", a.version());
        w.field("site", a.site().value());
        w.field("status", a.status().name());
        w.field("ts", a.ts());
        w.text("reason", a.reason());
        w.startArray("rejected");
        for (JobRejection j : a.rejected()) {
            w.startObject();
            w.field("job", j.job());
            w.text("reason", j.reason());
            w.endObject();
        }
        w.endArray();
        w.endObject();
    }
}
