package io.gridshift.edge.codec;

import io.gridshift.domain.Check;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.flex.LossCurve;
import io.gridshift.domain.flex.MigratableJob;
import io.gridshift.domain.site.GridZone;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The nested lists of resources: a power cap's loss curve and the migratable jobs. */
final class JobsCodec {
    private static final FieldSet JOB_FIELDS =
            FieldSet.of("id", "kw", "remainingKwh", "deadline", "dataGb", "allowedZones");
    private static final int ID = 0;
    private static final int KW = 1;
    private static final int REMAINING = 2;
    private static final int DEADLINE = 3;
    private static final int DATA_GB = 4;
    private static final int ALLOWED_ZONES = 5;
    private static final long JOB_REQUIRED = (1L << ALLOWED_ZONES) - 1;
    private static final String PAIR = "must be a pair [reductionKw, lossFraction]";

    private JobsCodec() {}

    /** {@code [[kW, lossFraction], ...]}; each number is checked here, where its path is known. */
    static List<LossCurve.Point> readLossCurve(WireReader r) throws IOException {
        r.startArray("must be an array of [reductionKw, lossFraction] pairs");
        List<LossCurve.Point> points = new ArrayList<>();
        for (int i = 0; r.nextElement(i); i++) {
            r.startArray(PAIR);
            if (!r.nextElement(0)) {
                throw r.wrongSize(PAIR);
            }
            double kw = r.number(0, Check.MAX_SITE_KW);
            if (!r.nextElement(1)) {
                throw r.wrongSize(PAIR);
            }
            double loss = r.number(0, 1);
            if (r.nextElement(2)) {
                throw r.wrongSize(PAIR);
            }
            points.add(new LossCurve.Point(kw, loss));
        }
        return points;
    }

    static void writeLossCurve(WireWriter w, LossCurve curve) throws IOException {
        w.startArray("lossCurve");
        for (LossCurve.Point p : curve.points()) {
            w.startArray();
            w.number(p.reductionKw());
            w.number(p.lossFraction());
            w.endArray();
        }
        w.endArray();
    }

    static List<MigratableJob> readJobs(WireReader r) throws IOException {
        return r.list("must be an array of jobs", JobsCodec::readJob);
    }

    private static MigratableJob readJob(WireReader r) throws IOException {
        r.startObject();
        String id = null;
        double kw = 0;
        double remainingKwh = 0;
        Instant deadline = null;
        double dataGb = 0;
        Set<GridZone> zones = Set.of();
        long seen = 0;
        Set<String> unknown = null;
        int f = -1;
        while ((f = r.nextField(JOB_FIELDS, f + 1)) != WireReader.END) {
            seen = r.mark(seen, f);
            switch (f) {
                case ID -> id = r.string();
                case KW -> kw = r.number();
                case REMAINING -> remainingKwh = r.number();
                case DEADLINE -> deadline = r.instant();
                case DATA_GB -> dataGb = r.number();
                case ALLOWED_ZONES -> zones = readZones(r);
                default -> unknown = r.skipUnknown(unknown);
            }
        }
        r.requireAll(seen, JOB_REQUIRED, JOB_FIELDS);
        try {
            return new MigratableJob(id, kw, remainingKwh, deadline, dataGb, zones);
        } catch (InvalidFieldException e) {
            throw r.nest(e);
        }
    }

    /** Absent, {@code null} or {@code []}: any zone. */
    private static Set<GridZone> readZones(WireReader r) throws IOException {
        if (r.isNull()) {
            return Set.of();
        }
        r.startArray("must be an array of grid zones");
        Set<GridZone> zones = new LinkedHashSet<>();
        for (int i = 0; r.nextElement(i); i++) {
            GridZone zone = r.string(GridZone::new);
            if (!zones.add(zone)) {
                throw new InvalidFieldException(r.path(), "unique", zone.code(), "must be unique");
            }
        }
        return zones;
    }

    static void writeJobs(WireWriter w, List<MigratableJob> jobs) throws IOException {
        w.startArray("jobs");
        for (MigratableJob job : jobs) {
            w.startObject();
            w.field("id", job.id());
            w.field("kw", job.kw());
            w.field("remainingKwh", job.remainingKwh());
            w.field("deadline", job.deadline());
            w.field("dataGb", job.dataGb());
            w.startArray("allowedZones");
            // Sorted, so that the same job always encodes to the same bytes.
            for (GridZone zone : new TreeSet<>(job.allowedZones())) {
                w.string(zone.code());
            }
            w.endArray();
            w.endObject();
        }
        w.endArray();
    }
}
