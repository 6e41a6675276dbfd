package io.gridshift.edge.codec;

import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.schedule.PlanAction;
import io.gridshift.domain.schedule.PlanId;
import io.gridshift.domain.schedule.PlannedJob;
import io.gridshift.domain.schedule.SitePlan;
import io.gridshift.domain.site.SiteId;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The plan message: one site's versioned share of the day-ahead plan. */
final class PlanCodec {
    private static final FieldSet FIELDS =
            FieldSet.of(
                    "v",
                    "planId",
                    "version",
                    "site",
                    "issuedAt",
                    "validFrom",
                    "validUntil",
                    "slotS",
                    "jobs");
    private static final long REQUIRED = (1L << 9) - 1;
    private static final FieldSet JOB =
            FieldSet.of("job", "action", "slots", "kw", "deadline", "peer");
    private static final long JOB_REQUIRED = 0b11111;
    private static final PlanAction[] ACTIONS = PlanAction.values();

    private PlanCodec() {}

    static SitePlan read(WireReader r) throws IOException {
        PlanId id = null;
        int version = 0;
        SiteId site = null;
        Instant issuedAt = null;
        Instant validFrom = null;
        Instant validUntil = null;
        Duration slot = null;
        List<PlannedJob> jobs = null;
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
                case 4 -> issuedAt = r.instant();
                case 5 -> validFrom = r.instant();
                case 6 -> validUntil = r.instant();
                case 7 -> slot = r.seconds(3600);
                case 8 -> jobs = r.list("must be an array of planned jobs", PlanCodec::readJob);
                default -> unknown = r.skipUnknown(unknown);
            }
        }
        r.requireAll(seen, REQUIRED, FIELDS);
        try {
            return new SitePlan(id, version, site, issuedAt, validFrom, validUntil, slot, jobs);
        } catch (InvalidFieldException e) {
            throw rename(r.nest(e));
        }
    }

    /** The record calls the slot length {@code slot}; the wire calls it {@code slotS}. */
    private static InvalidFieldException rename(InvalidFieldException e) {
        if ("slot".equals(e.field())) {
            return new InvalidFieldException("slotS", e.rule(), e.value(), e.expectation());
        }
        return e;
    }

    private static PlannedJob readJob(WireReader r) throws IOException {
        r.startObject();
        String job = null;
        PlanAction action = null;
        List<Integer> slots = null;
        double kw = 0;
        Instant deadline = null;
        SiteId peer = null;
        long seen = 0;
        Set<String> unknown = null;
        int f = -1;
        while ((f = r.nextField(JOB, f + 1)) != WireReader.END) {
            seen = r.mark(seen, f);
            switch (f) {
                case 0 -> job = r.string();
                case 1 -> action = r.enumValue(ACTIONS, "must be one of RUN, MOVE_OUT, MOVE_IN");
                case 2 ->
                        slots =
                                r.list(
                                        "must be an array of slot indices",
                                        e -> (int) e.integer(0, Integer.MAX_VALUE));
                case 3 -> kw = r.number();
                case 4 -> deadline = r.instant();
                case 5 -> peer = r.optionalString(SiteId::new);
                default -> unknown = r.skipUnknown(unknown);
            }
        }
        r.requireAll(seen, JOB_REQUIRED, JOB);
        try {
            return new PlannedJob(job, action, peer, slots, kw, deadline);
        } catch (InvalidFieldException e) {
            throw r.nest(e);
        }
    }

    static void write(WireWriter w, SitePlan p) throws IOException {
        w.startMessage();
        w.field("planId", p.planId().value());
        w.field("version", p.version());
        w.field("site", p.site().value());
        w.field("issuedAt", p.issuedAt());
        w.field("validFrom", p.validFrom());
        w.field("validUntil", p.validUntil());
        w.seconds("slotS", p.slot(), false);
        w.startArray("jobs");
        for (PlannedJob j : p.jobs()) {
            w.startObject();
            w.field("job", j.job());
            w.field("action", j.action().name());
            w.startArray("slots");
            for (int s : j.slots()) {
                w.integer(s);
            }
            w.endArray();
            w.field("kw", j.kw());
            w.field("deadline", j.deadline());
            if (j.peer() != null) {
                w.field("peer", j.peer().value());
            }
            w.endObject();
        }
        w.endArray();
        w.endObject();
    }
}
