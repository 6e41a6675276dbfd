package io.gridshift.edge.codec;

import io.gridshift.domain.dispatch.DispatchAction;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.event.EventId;
import io.gridshift.domain.site.SiteId;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The dispatch order; its actions are read by {@link ActionCodec}. */
final class DispatchCodec {
    private static final FieldSet FIELDS =
            FieldSet.of(
                    "v",
                    "dispatchId",
                    "revision",
                    "site",
                    "issuedAt",
                    "start",
                    "end",
                    "actions",
                    "eventId");
    private static final int V = 0;
    private static final int DISPATCH_ID = 1;
    private static final int REVISION = 2;
    private static final int SITE = 3;
    private static final int ISSUED_AT = 4;
    private static final int START = 5;
    private static final int END = 6;
    private static final int ACTIONS = 7;
    private static final int EVENT_ID = 8;
    private static final long REQUIRED = (1L << EVENT_ID) - 1;

    private DispatchCodec() {}

    static DispatchOrder read(WireReader r) throws IOException {
        DispatchId id = null;
        int revision = 0;
        EventId eventId = null;
        SiteId site = null;
        Instant issuedAt = null;
        Instant start = null;
        Instant end = null;
        List<DispatchAction> actions = null;
        long seen = 0;
        Set<String> unknown = null;
        int f = -1;
        while ((f = r.nextField(FIELDS, f + 1)) != WireReader.END) {
            seen = r.mark(seen, f);
            switch (f) {
                case V -> r.version();
                case DISPATCH_ID -> id = r.string(DispatchId::new);
                case REVISION -> revision = (int) r.integer(1, Integer.MAX_VALUE);
                case SITE -> site = r.siteId();
                case ISSUED_AT -> issuedAt = r.instant();
                case START -> start = r.instant();
                case END -> end = r.instant();
                case ACTIONS -> actions = r.list("must be an array of actions", ActionCodec::read);
                case EVENT_ID -> eventId = r.optionalString(EventId::new);
                default -> unknown = r.skipUnknown(unknown);
            }
        }
        r.requireAll(seen, REQUIRED, FIELDS);
        if (end.isAfter(start)
                && Duration.between(start, end).compareTo(DispatchOrder.MAX_WINDOW) > 0) {
            // The domain calls this rule "window", a name the wire does not have.
            throw new InvalidFieldException(
                    "end", "range", end, "must be at most 48 hours after start (" + start + ")");
        }
        try {
            return new DispatchOrder(id, revision, eventId, site, issuedAt, start, end, actions);
        } catch (InvalidFieldException e) {
            throw r.nest(e);
        }
    }

    static void write(WireWriter w, DispatchOrder o) throws IOException {
        w.startMessage();
        w.field("dispatchId", o.id().value());
        w.field("revision", o.revision());
        w.field("site", o.site().value());
        w.field("issuedAt", o.issuedAt());
        w.field("start", o.start());
        w.field("end", o.end());
        w.startArray("actions");
        for (DispatchAction a : o.actions()) {
            ActionCodec.write(w, a);
        }
        w.endArray();
        if (o.eventId() != null) {
            w.field("eventId", o.eventId().value());
        }
        w.endObject();
    }
}
