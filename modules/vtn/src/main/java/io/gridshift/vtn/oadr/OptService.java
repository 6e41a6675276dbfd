package io.gridshift.vtn.oadr;

import io.gridshift.openadr.event.XcalTime;
import io.gridshift.openadr.message.OadrResponseCode;
import io.gridshift.vtn.opt.Opt;
import io.gridshift.vtn.opt.OptStore;
import io.gridshift.vtn.ven.VenRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.openadr.oadr20b.OadrCancelOptType;
import org.openadr.oadr20b.OadrCanceledOptType;
import org.openadr.oadr20b.OadrCreateOptType;
import org.openadr.oadr20b.OadrCreatedOptType;
import org.openadr.oadr20b.ei.EiTargetType;
import org.openadr.oadr20b.xcal.AvailableType;
import org.openadr.oadr20b.xcal.Properties;

/**
 * EiOpt: a VEN's {@code oadrCreateOpt} (an availability schedule, or an opt for one event) is
 * recorded with its windows and targets and answered with {@code oadrCreatedOpt}; its {@code
 * oadrCancelOpt} marks the opt cancelled ({@code oadrCanceledOpt}), 452 for an optID it never sent.
 */
public final class OptService implements OadrService {
    private final VenRegistry vens;
    private final OptStore opts;
    private final Clock clock;

    public OptService(VenRegistry vens, OptStore opts, Clock clock) {
        this.vens = Objects.requireNonNull(vens, "vens");
        this.opts = Objects.requireNonNull(opts, "opts");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<Object> handle(Object message, Sender sender) {
        if (message instanceof OadrCreateOptType c) {
            return Optional.of(created(c));
        }
        if (message instanceof OadrCancelOptType c) {
            return Optional.of(canceled(c));
        }
        return Optional.empty();
    }

    private Object created(OadrCreateOptType c) {
        if (vens.find(c.getVenID()).isEmpty()) {
            return Replies.notRegistered(c.getRequestID(), c.getVenID());
        }
        opts.put(opt(c));
        OadrCreatedOptType reply = new OadrCreatedOptType();
        reply.setSchemaVersion(Replies.SCHEMA_VERSION);
        reply.setEiResponse(Replies.ok(c.getRequestID()));
        reply.setOptID(c.getOptID());
        return reply;
    }

    private Object canceled(OadrCancelOptType c) {
        if (vens.find(c.getVenID()).isEmpty()) {
            return Replies.notRegistered(c.getRequestID(), c.getVenID());
        }
        OadrCanceledOptType reply = new OadrCanceledOptType();
        reply.setSchemaVersion(Replies.SCHEMA_VERSION);
        reply.setEiResponse(
                opts.cancel(c.getVenID(), c.getOptID()).isPresent()
                        ? Replies.ok(c.getRequestID())
                        : Replies.eiResponse(
                                OadrResponseCode.INVALID_ID,
                                "no opt " + c.getOptID() + " from this VEN",
                                c.getRequestID()));
        reply.setOptID(c.getOptID());
        return reply;
    }

    private Opt opt(OadrCreateOptType c) {
        List<Opt.Window> windows = new ArrayList<>();
        if (c.getVavailability() != null && c.getVavailability().getComponents() != null) {
            for (AvailableType a : c.getVavailability().getComponents().getAvailable()) {
                Properties p = a.getProperties();
                windows.add(
                        new Opt.Window(
                                XcalTime.instant("dtstart", p.getDtstart().getDateTime()),
                                XcalTime.duration("duration", p.getDuration().getDuration())));
            }
        }
        EiTargetType t = c.getEiTarget();
        var event = c.getQualifiedEventID();
        return new Opt(
                c.getOptID(),
                c.getVenID(),
                c.getOptType() == null ? null : c.getOptType().value(),
                c.getOptReason(),
                c.getMarketContext(),
                event == null ? null : event.getEventID(),
                event == null ? null : event.getModificationNumber(),
                windows,
                t == null ? Set.of() : Set.copyOf(t.getResourceID()),
                t == null ? Set.of() : Set.copyOf(t.getGroupID()),
                t == null ? Set.of() : Set.copyOf(t.getPartyID()),
                t == null ? Set.of() : Set.copyOf(t.getVenID()),
                c.getCreatedDateTime() == null
                        ? null
                        : XcalTime.instant("createdDateTime", c.getCreatedDateTime()),
                clock.instant(),
                false);
    }
}
