package io.gridshift.edge.codec;

import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.schedule.FlexibleJob;
import io.gridshift.domain.schedule.SiteJobs;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The jobs message: a site's queue of flexible jobs. A job gives its run time either as {@code
 * durationS} or as {@code remainingKwh} (then the time is the energy at {@code kw}, rounded up to
 * whole seconds); the codec always writes {@code durationS}.
 */
final class FlexJobsCodec {
    private static final FieldSet FIELDS = FieldSet.of("v", "site", "seq", "ts", "jobs");
    private static final long REQUIRED = 0b11111;
    private static final FieldSet JOB =
            FieldSet.of(
                    "id",
                    "class",
                    "arrival",
                    "deadline",
                    "kw",
                    "interruptible",
                    "durationS",
                    "remainingKwh",
                    "dataGb",
                    "allowedZones");
    private static final int ID = 0;
    private static final int CLASS = 1;
    private static final int ARRIVAL = 2;
    private static final int DEADLINE = 3;
    private static final int KW = 4;
    private static final int INTERRUPTIBLE = 5;
    private static final int DURATION = 6;
    private static final int REMAINING = 7;
    private static final int DATA_GB = 8;
    private static final int ZONES = 9;
    private static final long JOB_REQUIRED = (1L << DURATION) - 1;

    private FlexJobsCodec() {}

    static SiteJobs read(WireReader r) throws IOException {
        SiteId site = null;
        long seq = 0;
        Instant ts = null;
        List<FlexibleJob> jobs = null;
        long seen = 0;
        Set<String> unknown = null;
        int f = -1;
        while ((f = r.nextField(FIELDS, f + 1)) != WireReader.END) {
            seen = r.mark(seen, f);
            switch (f) {
                case 0 -> r.version();
                case 1 -> site = r.siteId();
                case 2 -> seq = r.integer(0, Long.MAX_VALUE);
                case 3 -> ts = r.instant();
                case 4 -> jobs = r.list("must be an array of jobs", FlexJobsCodec::readJob);
                default -> unknown = r.skipUnknown(unknown);
            }
        }
        r.requireAll(seen, REQUIRED, FIELDS);
        try {
            return new SiteJobs(site, seq, ts, jobs);
        } catch (InvalidFieldException e) {
            throw r.nest(e);
        }
    }

    private static FlexibleJob readJob(WireReader r) throws IOException {
        r.startObject();
        JobFields j = new JobFields();
        long seen = 0;
        Set<String> unknown = null;
        int f = -1;
        while ((f = r.nextField(JOB, f + 1)) != WireReader.END) {
            seen = r.mark(seen, f);
            switch (f) {
                case ID -> j.id = r.string();
                case CLASS -> j.jobClass = r.string();
                case ARRIVAL -> j.arrival = r.instant();
                case DEADLINE -> j.deadline = r.instant();
                case KW -> j.kw = r.number();
                case INTERRUPTIBLE -> j.interruptible = r.bool();
                case DURATION -> j.duration = r.seconds(FlexibleJob.MAX_DURATION.toSeconds());
                case REMAINING -> j.remainingKwh = r.number();
                case DATA_GB -> j.dataGb = r.number();
                case ZONES -> j.zones = readZones(r);
                default -> unknown = r.skipUnknown(unknown);
            }
        }
        r.requireAll(seen, JOB_REQUIRED, JOB);
        try {
            return j.build(seen);
        } catch (InvalidFieldException e) {
            throw r.nest(e);
        }
    }

    /** The fields of one job as read, before the record checks them together. */
    private static final class JobFields {
        String id;
        String jobClass;
        Instant arrival;
        Instant deadline;
        double kw;
        boolean interruptible;
        Duration duration;
        Double remainingKwh;
        double dataGb;
        Set<GridZone> zones = Set.of();

        FlexibleJob build(long seen) {
            boolean hasDuration = (seen & (1L << DURATION)) != 0;
            boolean hasEnergy = (seen & (1L << REMAINING)) != 0;
            if (hasDuration && hasEnergy) {
                throw new InvalidFieldException(
                        "remainingKwh",
                        "exclusive",
                        remainingKwh,
                        "must not be given with durationS");
            }
            if (!hasDuration && !hasEnergy) {
                throw new InvalidFieldException(
                        "durationS", "required", null, "is required (or remainingKwh)");
            }
            return new FlexibleJob(
                    id,
                    jobClass,
                    arrival,
                    deadline,
                    hasDuration ? duration : fromEnergy(),
                    kw,
                    interruptible,
                    dataGb,
                    zones);
        }

        private Duration fromEnergy() {
            double kwh = remainingKwh;
            if (!Double.isFinite(kwh) || kwh <= 0 || kwh > 100_000_000) {
                throw new InvalidFieldException(
                        "remainingKwh", "range", kwh, "must be above 0 and at most 100000000");
            }
            if (!(kw > 0)) {
                throw new InvalidFieldException(
                        "kw", "range", kw, "must be above 0 when remainingKwh gives the run time");
            }
            double seconds = Math.ceil(kwh / kw * 3600);
            if (seconds > FlexibleJob.MAX_DURATION.toSeconds()) {
                throw new InvalidFieldException(
                        "remainingKwh",
                        "range",
                        kwh,
                        "must be at most a week of running at kw (" + kw + ")");
            }
            return Duration.ofSeconds((long) seconds);
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

    static void write(WireWriter w, SiteJobs m) throws IOException {
        w.startMessage();
        w.field("site", m.site().value());
        w.field("seq", m.seq());
        w.field("ts", m.ts());
        w.startArray("jobs");
        for (FlexibleJob j : m.jobs()) {
            w.startObject();
            w.field("id", j.id());
            w.field("class", j.jobClass());
            w.field("arrival", j.arrival());
            w.field("deadline", j.deadline());
            w.field("kw", j.kw());
            w.field("interruptible", j.interruptible());
            w.seconds("durationS", j.duration(), true);
            w.field("dataGb", j.dataGb());
            w.startArray("allowedZones");
            // Sorted, so that the same job always encodes to the same bytes.
            for (GridZone zone : new TreeSet<>(j.allowedZones())) {
                w.string(zone.code());
            }
            w.endArray();
            w.endObject();
        }
        w.endArray();
        w.endObject();
    }
}
