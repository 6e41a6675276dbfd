package io.gridshift.aggregator.ven;

import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.event.OptType;
import io.gridshift.openadr.event.XcalTime;
import io.gridshift.openadr.message.OadrResponseCode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.openadr.oadr20b.OadrCancelOptType;
import org.openadr.oadr20b.OadrCanceledOptType;
import org.openadr.oadr20b.OadrCreateOptType;
import org.openadr.oadr20b.OadrCreatedOptType;
import org.openadr.oadr20b.ei.EiResponseType;
import org.openadr.oadr20b.ei.EiTargetType;
import org.openadr.oadr20b.ei.OptTypeType;
import org.openadr.oadr20b.ei.QualifiedEventIDType;
import org.openadr.oadr20b.xcal.ArrayOfVavailabilityContainedComponents;
import org.openadr.oadr20b.xcal.AvailableType;
import org.openadr.oadr20b.xcal.Dtstart;
import org.openadr.oadr20b.xcal.DurationPropType;
import org.openadr.oadr20b.xcal.Properties;
import org.openadr.oadr20b.xcal.VavailabilityType;

/**
 * The VEN's side of EiOpt: sends {@code oadrCreateOpt} (schedules of availability, or sites out of
 * one event) and {@code oadrCancelOpt}, and keeps the opts the VTN accepted.
 */
public final class VenOpts {
    static final String EI_OPT = "EiOpt";
    private static final String SCHEMA_VERSION = "2.0b";

    private final VtnClient client;
    private final Clock clock;
    private final Map<String, OptSchedule> accepted = new ConcurrentHashMap<>();

    public VenOpts(VtnClient client, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The opts the VTN has, by id. */
    public List<OptSchedule> accepted() {
        return accepted.values().stream()
                .sorted(java.util.Comparator.comparing(OptSchedule::optId))
                .toList();
    }

    /** Sends the opt; completes once the VTN accepted it. */
    public CompletionStage<Void> create(VenRegistration.Registration reg, OptSchedule opt) {
        return client.exchange(EI_OPT, message(reg.venId(), opt), OadrCreatedOptType.class)
                .thenAccept(
                        created -> {
                            ok(created.getEiResponse(), "oadrCreateOpt " + opt.optId());
                            accepted.put(opt.optId(), opt);
                        });
    }

    /** Withdraws the opt; completes once the VTN took it back. */
    public CompletionStage<Void> cancel(VenRegistration.Registration reg, String optId) {
        OadrCancelOptType cancel = new OadrCancelOptType();
        cancel.setSchemaVersion(SCHEMA_VERSION);
        cancel.setRequestID(UUID.randomUUID().toString());
        cancel.setOptID(optId);
        cancel.setVenID(reg.venId());
        return client.exchange(EI_OPT, cancel, OadrCanceledOptType.class)
                .thenAccept(
                        canceled -> {
                            ok(canceled.getEiResponse(), "oadrCancelOpt " + optId);
                            accepted.remove(optId);
                        });
    }

    OadrCreateOptType message(String venId, OptSchedule opt) {
        OadrCreateOptType m = new OadrCreateOptType();
        m.setSchemaVersion(SCHEMA_VERSION);
        m.setOptID(opt.optId());
        m.setOptType(opt.type() == OptType.OPT_IN ? OptTypeType.OPT_IN : OptTypeType.OPT_OUT);
        m.setOptReason(opt.reason());
        m.setMarketContext(opt.marketContext());
        m.setVenID(venId);
        if (!opt.windows().isEmpty()) {
            ArrayOfVavailabilityContainedComponents components =
                    new ArrayOfVavailabilityContainedComponents();
            for (OptSchedule.Window w : opt.windows()) {
                Properties p = new Properties();
                Dtstart start = new Dtstart();
                start.setDateTime(XcalTime.dateTime(w.start()));
                p.setDtstart(start);
                DurationPropType d = new DurationPropType();
                d.setDuration(XcalTime.text(w.duration()));
                p.setDuration(d);
                AvailableType available = new AvailableType();
                available.setProperties(p);
                components.getAvailable().add(available);
            }
            VavailabilityType v = new VavailabilityType();
            v.setComponents(components);
            m.setVavailability(v);
        }
        m.setCreatedDateTime(XcalTime.dateTime(clock.instant()));
        m.setRequestID(UUID.randomUUID().toString());
        if (opt.eventId() != null) {
            QualifiedEventIDType q = new QualifiedEventIDType();
            q.setEventID(opt.eventId());
            q.setModificationNumber(opt.eventModification());
            m.setQualifiedEventID(q);
        }
        EiTargetType target = new EiTargetType();
        if (opt.resourceIds().isEmpty()) {
            target.getVenID().add(venId);
        } else {
            target.getResourceID().addAll(new java.util.TreeSet<>(opt.resourceIds()));
        }
        m.setEiTarget(target);
        return m;
    }

    private static void ok(EiResponseType response, String what) {
        if (response == null || !OadrResponseCode.OK.text().equals(response.getResponseCode())) {
            throw new GridshiftException(
                    ErrorKind.UNAVAILABLE,
                    "vtn-opt",
                    "VTN "
                            + EI_OPT
                            + " refused "
                            + what
                            + (response == null
                                    ? ""
                                    : ": "
                                            + response.getResponseCode()
                                            + " "
                                            + response.getResponseDescription()));
        }
    }
}
