package io.gridshift.edge.codec;

import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.meter.Telemetry;
import io.gridshift.domain.site.SiteId;
import java.io.IOException;
import java.time.Instant;
import java.util.Set;

/** The telemetry message; the hot path of the ingest, so it keeps to locals and one switch. */
final class TelemetryCodec {
    private static final FieldSet FIELDS =
            FieldSet.of(
                    "v",
                    "site",
                    "seq",
                    "ts",
                    "facilityKw",
                    "itKw",
                    "gridImportKw",
                    "onsiteGenKw",
                    "batterySocPct",
                    "activeDispatch");
    private static final int V = 0;
    private static final int SITE = 1;
    private static final int SEQ = 2;
    private static final int TS = 3;
    private static final int FACILITY = 4;
    private static final int IT = 5;
    private static final int GRID_IMPORT = 6;
    private static final int ONSITE_GEN = 7;
    private static final int BATTERY_SOC = 8;
    private static final int ACTIVE_DISPATCH = 9;
    private static final long REQUIRED = (1L << BATTERY_SOC) - 1;

    private TelemetryCodec() {}

    static Telemetry read(WireReader r) throws IOException {
        SiteId site = null;
        long seq = 0;
        Instant ts = null;
        double facilityKw = 0;
        double itKw = 0;
        double gridImportKw = 0;
        double onsiteGenKw = 0;
        Double batterySocPct = null;
        DispatchId activeDispatch = null;
        long seen = 0;
        Set<String> unknown = null;
        int f = -1;
        while ((f = r.nextField(FIELDS, f + 1)) != WireReader.END) {
            seen = r.mark(seen, f);
            switch (f) {
                case V -> r.version();
                case SITE -> site = r.siteId();
                case SEQ -> seq = r.integer(0, Long.MAX_VALUE);
                case TS -> ts = r.instant();
                case FACILITY -> facilityKw = r.number();
                case IT -> itKw = r.number();
                case GRID_IMPORT -> gridImportKw = r.number();
                case ONSITE_GEN -> onsiteGenKw = r.number();
                case BATTERY_SOC -> batterySocPct = r.optionalNumber();
                case ACTIVE_DISPATCH -> activeDispatch = r.optionalString(DispatchId::new);
                default -> unknown = r.skipUnknown(unknown);
            }
        }
        r.requireAll(seen, REQUIRED, FIELDS);
        try {
            return new Telemetry(
                    site,
                    seq,
                    ts,
                    facilityKw,
                    itKw,
                    gridImportKw,
                    onsiteGenKw,
                    batterySocPct,
                    activeDispatch);
        } catch (InvalidFieldException e) {
            throw r.nest(e);
        }
    }

    static void write(WireWriter w, Telemetry t) throws IOException {
        w.startMessage();
        w.field("site", t.site().value());
        w.field("seq", t.seq());
        w.field("ts", t.ts());
        w.field("facilityKw", t.facilityKw());
        w.field("itKw", t.itKw());
        w.field("gridImportKw", t.gridImportKw());
        w.field("onsiteGenKw", t.onsiteGenKw());
        w.optional("batterySocPct", t.batterySocPct());
        if (t.activeDispatch() != null) {
            w.field("activeDispatch", t.activeDispatch().value());
        }
        w.endObject();
    }
}
