package io.gridshift.edge.codec;

import io.gridshift.domain.dispatch.DispatchAction;
import io.gridshift.domain.dispatch.DispatchAction.Kind;
import io.gridshift.domain.dispatch.DispatchAction.LimitRebound;
import io.gridshift.domain.dispatch.DispatchAction.MigrateIn;
import io.gridshift.domain.dispatch.DispatchAction.MigrateOut;
import io.gridshift.domain.dispatch.DispatchAction.Reduce;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.SiteId;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * One action of a dispatch order. The fields of all kinds are read into one set of locals because
 * {@code kind} may come after them; fields that belong to another kind are read, then ignored.
 */
final class ActionCodec {
    private static final FieldSet FIELDS =
            FieldSet.of(
                    "kind",
                    "resource",
                    "reductionKw",
                    "job",
                    "toSite",
                    "fromSite",
                    "jobKw",
                    "stepS",
                    "maxAddedKw");
    private static final int KIND = 0;
    private static final int RESOURCE = 1;
    private static final int REDUCTION_KW = 2;
    private static final int JOB = 3;
    private static final int TO_SITE = 4;
    private static final int FROM_SITE = 5;
    private static final int JOB_KW = 6;
    private static final int STEP_S = 7;
    private static final int MAX_ADDED_KW = 8;
    private static final long[] REQUIRED = {
        bits(KIND, RESOURCE, REDUCTION_KW),
        bits(KIND, JOB, TO_SITE, JOB_KW),
        bits(KIND, JOB, FROM_SITE, JOB_KW),
        bits(KIND, RESOURCE, STEP_S, MAX_ADDED_KW)
    };
    private static final String KW_LIST = "must be an array of kW (numbers)";
    private static final Kind[] KINDS = Kind.values();

    private ActionCodec() {}

    static DispatchAction read(WireReader r) throws IOException {
        r.startObject();
        Kind kind = null;
        String resource = null;
        String job = null;
        SiteId toSite = null;
        SiteId fromSite = null;
        double reductionKw = 0;
        double jobKw = 0;
        Duration step = null;
        List<Double> maxAddedKw = null;
        long seen = 0;
        Set<String> unknown = null;
        int f = -1;
        while ((f = r.nextField(FIELDS, f + 1)) != WireReader.END) {
            seen = r.mark(seen, f);
            switch (f) {
                case KIND ->
                        kind =
                                r.enumValue(
                                        KINDS,
                                        "must be one of REDUCE, MIGRATE_OUT, MIGRATE_IN, LIMIT_REBOUND");
                case RESOURCE -> resource = r.string();
                case REDUCTION_KW -> reductionKw = r.number();
                case JOB -> job = r.string();
                case TO_SITE -> toSite = r.siteId();
                case FROM_SITE -> fromSite = r.siteId();
                case JOB_KW -> jobKw = r.number();
                case STEP_S ->
                        step = Duration.ofSeconds(r.integer(1, LimitRebound.MAX_STEP.getSeconds()));
                case MAX_ADDED_KW -> maxAddedKw = r.list(KW_LIST, WireReader::number);
                default -> unknown = r.skipUnknown(unknown);
            }
        }
        r.requireAll(seen, bits(KIND), FIELDS);
        r.requireAll(seen, REQUIRED[kind.ordinal()], FIELDS);
        try {
            return switch (kind) {
                case REDUCE -> new Reduce(resource, reductionKw);
                case MIGRATE_OUT -> new MigrateOut(job, toSite, jobKw);
                case MIGRATE_IN -> new MigrateIn(job, fromSite, jobKw);
                case LIMIT_REBOUND -> new LimitRebound(resource, step, maxAddedKw);
            };
        } catch (InvalidFieldException e) {
            throw r.nest(e);
        }
    }

    static void write(WireWriter w, DispatchAction action) throws IOException {
        w.startObject();
        w.field("kind", action.kind().name());
        if (action instanceof Reduce a) {
            w.field("resource", a.resource());
            w.field("reductionKw", a.reductionKw());
        } else if (action instanceof MigrateOut a) {
            w.field("job", a.job());
            w.field("toSite", a.toSite().value());
            w.field("jobKw", a.jobKw());
        } else if (action instanceof MigrateIn a) {
            w.field("job", a.job());
            w.field("fromSite", a.fromSite().value());
            w.field("jobKw", a.jobKw());
        } else if (action instanceof LimitRebound a) {
            w.field("resource", a.resource());
            w.seconds("stepS", a.step(), false);
            w.startArray("maxAddedKw");
            for (double kw : a.maxAddedKw()) {
                w.number(kw);
            }
            w.endArray();
        }
        w.endObject();
    }

    static long bits(int... fields) {
        long mask = 0;
        for (int f : fields) {
            mask |= 1L << f;
        }
        return mask;
    }
}
