package io.gridshift.edge.codec;

import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.flex.FlexEnvelope;
import io.gridshift.domain.flex.FlexResource;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The flexibility envelope; its resources are read and written by {@link ResourceCodec}. */
final class EnvelopeCodec {
    private static final FieldSet FIELDS =
            FieldSet.of(
                    "v",
                    "site",
                    "ts",
                    "validUntil",
                    "zone",
                    "baselineKw",
                    "hostingCapacityKw",
                    "resources");
    private static final int V = 0;
    private static final int SITE = 1;
    private static final int TS = 2;
    private static final int VALID_UNTIL = 3;
    private static final int ZONE = 4;
    private static final int BASELINE = 5;
    private static final int HOSTING = 6;
    private static final int RESOURCES = 7;
    private static final long REQUIRED = (1L << FIELDS.size()) - 1;

    private EnvelopeCodec() {}

    static FlexEnvelope read(WireReader r) throws IOException {
        SiteId site = null;
        Instant ts = null;
        Instant validUntil = null;
        GridZone zone = null;
        double baselineKw = 0;
        double hostingCapacityKw = 0;
        List<FlexResource> resources = null;
        long seen = 0;
        Set<String> unknown = null;
        int f = -1;
        while ((f = r.nextField(FIELDS, f + 1)) != WireReader.END) {
            seen = r.mark(seen, f);
            switch (f) {
                case V -> r.version();
                case SITE -> site = r.siteId();
                case TS -> ts = r.instant();
                case VALID_UNTIL -> validUntil = r.instant();
                case ZONE -> zone = r.string(GridZone::new);
                case BASELINE -> baselineKw = r.number();
                case HOSTING -> hostingCapacityKw = r.number();
                case RESOURCES ->
                        resources = r.list("must be an array of resources", ResourceCodec::read);
                default -> unknown = r.skipUnknown(unknown);
            }
        }
        r.requireAll(seen, REQUIRED, FIELDS);
        try {
            return new FlexEnvelope(
                    site, ts, validUntil, zone, baselineKw, hostingCapacityKw, resources);
        } catch (InvalidFieldException e) {
            throw r.nest(e);
        }
    }

    static void write(WireWriter w, FlexEnvelope e) throws IOException {
        w.startMessage();
        w.field("site", e.site().value());
        w.field("ts", e.ts());
        w.field("validUntil", e.validUntil());
        w.field("zone", e.zone().code());
        w.field("baselineKw", e.baselineKw());
        w.field("hostingCapacityKw", e.hostingCapacityKw());
        w.startArray("resources");
        for (FlexResource resource : e.resources()) {
            ResourceCodec.write(w, resource);
        }
        w.endArray();
        w.endObject();
    }
}
