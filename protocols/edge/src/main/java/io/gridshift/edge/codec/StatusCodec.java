package io.gridshift.edge.codec;

import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.SiteId;
import io.gridshift.domain.site.SiteStatus;
import io.gridshift.domain.site.SiteStatus.Availability;
import java.io.IOException;
import java.time.Instant;
import java.util.Set;

/** The status message: {@code {"v":1,"site":..,"status":"ONLINE|OFFLINE","ts":..,..}}. */
final class StatusCodec {
    private static final FieldSet FIELDS = FieldSet.of("v", "site", "status", "ts", "agentVersion");
    private static final int V = 0;
    private static final int SITE = 1;
    private static final int STATUS = 2;
    private static final int TS = 3;
    private static final int AGENT_VERSION = 4;
    private static final long REQUIRED = 0b1111;
    private static final Availability[] STATUSES = Availability.values();

    private StatusCodec() {}

    static SiteStatus read(WireReader r) throws IOException {
        SiteId site = null;
        Availability status = null;
        Instant ts = null;
        String agentVersion = null;
        long seen = 0;
        Set<String> unknown = null;
        int f = -1;
        while ((f = r.nextField(FIELDS, f + 1)) != WireReader.END) {
            seen = r.mark(seen, f);
            switch (f) {
                case V -> r.version();
                case SITE -> site = r.siteId();
                case STATUS -> status = r.enumValue(STATUSES, "must be ONLINE or OFFLINE");
                case TS -> ts = r.instant();
                case AGENT_VERSION -> agentVersion = r.optionalText();
                default -> unknown = r.skipUnknown(unknown);
            }
        }
        r.requireAll(seen, REQUIRED, FIELDS);
        try {
            return new SiteStatus(site, status, ts, agentVersion);
        } catch (InvalidFieldException e) {
            throw r.nest(e);
        }
    }

    static void write(WireWriter w, SiteStatus s) throws IOException {
        w.startMessage();
        w.field("site", s.site().value());
        w.field("status", s.availability().name());
        w.field("ts", s.ts());
        w.text("agentVersion", s.agentVersion());
        w.endObject();
    }
}
