package io.gridshift.openadr.event;

import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.event.EventId;
import io.gridshift.domain.event.EventSignal;
import io.gridshift.domain.event.EventStatus;
import io.gridshift.domain.event.EventTargets;
import io.gridshift.domain.event.GridEvent;
import io.gridshift.domain.event.ResponseRequired;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.openadr.oadr20b.OadrDistributeEventType;
import org.openadr.oadr20b.OadrDistributeEventType.OadrEvent;
import org.openadr.oadr20b.ResponseRequiredType;
import org.openadr.oadr20b.ei.EiActivePeriodType;
import org.openadr.oadr20b.ei.EiEventSignalType;
import org.openadr.oadr20b.ei.EiEventSignalsType;
import org.openadr.oadr20b.ei.EiEventType;
import org.openadr.oadr20b.ei.EiTargetType;
import org.openadr.oadr20b.ei.EventDescriptorType;
import org.openadr.oadr20b.ei.EventStatusEnumeratedType;
import org.openadr.oadr20b.xcal.Dtstart;
import org.openadr.oadr20b.xcal.DurationPropType;
import org.openadr.oadr20b.xcal.Properties;

/**
 * An {@code oadrEvent} (of an {@code oadrDistributeEvent}) as a domain {@link GridEvent}, and a
 * GridEvent as an oadrEvent for a VTN to send.
 *
 * <p>What GridEvent has no field for is dropped when reading and absent when writing: the
 * descriptor's {@code modificationDateTime} and {@code vtnComment}, a signal's own {@code
 * eiTarget}, targets other than venID, resourceID, groupID and partyID, intervals' own {@code
 * dtstart} (GridEvent's intervals run back to back from the event's start), baselines, and the
 * details of a unit beyond its text ({@code power:powerAttributes} come from {@link
 * PowerAttributes} when writing). An absent {@code priority} reads as 0 ("no priority" in OpenADR).
 * Errors are {@link InvalidFieldException}s whose field starts with {@code oadrEvent[eventID]}.
 *
 * <p>Thread-safe and stateless.
 */
public final class OadrEventMapper {
    private static final String SCHEMA_VERSION = "2.0b";

    private final SignalMapper signals;

    /** A mapper that writes power units with {@link PowerAttributes#EUROPE_400V}. */
    public OadrEventMapper() {
        this(PowerAttributes.EUROPE_400V);
    }

    /** A mapper that writes power units with the {@code attributes} of the VTN's grid. */
    public OadrEventMapper(PowerAttributes attributes) {
        this.signals = new SignalMapper(Objects.requireNonNull(attributes, "attributes"));
    }

    /** Every event of a distribute message, in order. */
    public List<GridEvent> toGridEvents(OadrDistributeEventType distribute) {
        return distribute.getOadrEvent().stream().map(this::toGridEvent).toList();
    }

    /** One event of a distribute message as the domain sees it. */
    public GridEvent toGridEvent(OadrEvent oadrEvent) {
        EiEventType event = required(oadrEvent.getEiEvent(), "oadrEvent.eiEvent");
        EventDescriptorType descriptor =
                required(event.getEventDescriptor(), "oadrEvent.eiEvent.eventDescriptor");
        try {
            return toGridEvent(oadrEvent, event, descriptor);
        } catch (InvalidFieldException e) {
            throw e.under("oadrEvent[" + descriptor.getEventID() + "]");
        }
    }

    /**
     * A distribute message carrying {@code events}, for a VTN to send.
     *
     * @param now when it is sent: each signal's {@code currentValue} is its value at this instant
     *     while the event runs, 0 otherwise
     */
    public OadrDistributeEventType toDistributeEvent(
            String requestId, String vtnId, List<GridEvent> events, Instant now) {
        OadrDistributeEventType distribute = new OadrDistributeEventType();
        distribute.setSchemaVersion(SCHEMA_VERSION);
        distribute.setRequestID(Objects.requireNonNull(requestId, "requestId"));
        distribute.setVtnID(Objects.requireNonNull(vtnId, "vtnId"));
        for (GridEvent event : events) {
            distribute.getOadrEvent().add(toOadrEvent(event, now));
        }
        return distribute;
    }

    /**
     * One event as an oadrEvent.
     *
     * @param now when it is sent: each signal's {@code currentValue} is its value at this instant
     *     while the event runs, 0 otherwise
     */
    public OadrEvent toOadrEvent(GridEvent event, Instant now) {
        Objects.requireNonNull(now, "now");
        EiEventType ei = new EiEventType();
        ei.setEventDescriptor(descriptor(event));
        ei.setEiActivePeriod(activePeriod(event));
        EiEventSignalsType eventSignals = new EiEventSignalsType();
        for (int i = 0; i < event.signals().size(); i++) {
            String field = "oadrEvent[" + event.id() + "].signals[" + i + "]";
            eventSignals
                    .getEiEventSignal()
                    .add(signals.toOadr(event.signals().get(i), event, now, field));
        }
        ei.setEiEventSignals(eventSignals);
        ei.setEiTarget(target(event.targets()));
        OadrEvent oadr = new OadrEvent();
        oadr.setEiEvent(ei);
        oadr.setOadrResponseRequired(ResponseRequiredType.valueOf(event.responseRequired().name()));
        return oadr;
    }

    private GridEvent toGridEvent(
            OadrEvent oadrEvent, EiEventType event, EventDescriptorType descriptor) {
        EiActivePeriodType period = required(event.getEiActivePeriod(), "eiActivePeriod");
        Properties when = required(period.getProperties(), "eiActivePeriod.properties");
        EventDescriptorType.EiMarketContext market = descriptor.getEiMarketContext();
        return new GridEvent(
                EventId.of(required(descriptor.getEventID(), "eventID")),
                descriptor.getModificationNumber(),
                descriptor.getModificationReason(),
                market == null ? null : market.getMarketContext(),
                descriptor.getPriority() == null ? 0 : descriptor.getPriority(),
                XcalTime.instant("createdDateTime", descriptor.getCreatedDateTime()),
                EventStatus.valueOf(required(descriptor.getEventStatus(), "eventStatus").name()),
                isTest(descriptor.getTestEvent()),
                ResponseRequired.valueOf(
                        required(oadrEvent.getOadrResponseRequired(), "oadrResponseRequired")
                                .name()),
                XcalTime.instant(
                        "dtstart",
                        required(when.getDtstart(), "eiActivePeriod.dtstart").getDateTime()),
                required(
                        XcalTime.duration(
                                "duration",
                                required(when.getDuration(), "eiActivePeriod.duration")
                                        .getDuration()),
                        "eiActivePeriod.duration"),
                XcalTime.duration("startafter", startAfter(when)),
                XcalTime.duration("x-eiNotification", text(when.getXEiNotification())),
                XcalTime.duration("x-eiRampUp", text(when.getXEiRampUp())),
                XcalTime.duration("x-eiRecovery", text(when.getXEiRecovery())),
                signals(required(event.getEiEventSignals(), "eiEventSignals")),
                targets(event.getEiTarget()));
    }

    private List<EventSignal> signals(EiEventSignalsType eventSignals) {
        List<EventSignal> result = new ArrayList<>();
        List<EiEventSignalType> list = eventSignals.getEiEventSignal();
        for (int i = 0; i < list.size(); i++) {
            result.add(signals.toDomain(list.get(i), "signals[" + i + "]"));
        }
        return result;
    }

    private static EventTargets targets(EiTargetType target) {
        if (target == null) {
            return EventTargets.ALL;
        }
        return new EventTargets(
                new HashSet<>(target.getVenID()),
                new HashSet<>(target.getResourceID()),
                new HashSet<>(target.getGroupID()),
                new HashSet<>(target.getPartyID()));
    }

    private static EiTargetType target(EventTargets targets) {
        // Sorted: the same event always gives the same document.
        EiTargetType target = new EiTargetType();
        target.getGroupID().addAll(sorted(targets.groupIds()));
        target.getResourceID().addAll(sorted(targets.resourceIds()));
        target.getVenID().addAll(sorted(targets.venIds()));
        target.getPartyID().addAll(sorted(targets.partyIds()));
        return target;
    }

    private static EventDescriptorType descriptor(GridEvent event) {
        EventDescriptorType descriptor = new EventDescriptorType();
        descriptor.setEventID(event.id().value());
        descriptor.setModificationNumber(event.modificationNumber());
        descriptor.setModificationReason(event.modificationReason());
        descriptor.setPriority(event.priority());
        EventDescriptorType.EiMarketContext market = new EventDescriptorType.EiMarketContext();
        market.setMarketContext(event.marketContext());
        descriptor.setEiMarketContext(market);
        descriptor.setCreatedDateTime(XcalTime.dateTime(event.createdAt()));
        descriptor.setEventStatus(EventStatusEnumeratedType.valueOf(event.status().name()));
        descriptor.setTestEvent(Boolean.toString(event.testEvent()));
        return descriptor;
    }

    private static EiActivePeriodType activePeriod(GridEvent event) {
        Properties when = new Properties();
        Dtstart start = new Dtstart();
        start.setDateTime(XcalTime.dateTime(event.start()));
        when.setDtstart(start);
        when.setDuration(durationProp(event.duration()));
        if (!event.startAfter().isZero()) {
            Properties.Tolerance.Tolerate tolerate = new Properties.Tolerance.Tolerate();
            tolerate.setStartafter(XcalTime.text(event.startAfter()));
            Properties.Tolerance tolerance = new Properties.Tolerance();
            tolerance.setTolerate(tolerate);
            when.setTolerance(tolerance);
        }
        when.setXEiNotification(optional(event.notification()));
        when.setXEiRampUp(optional(event.rampUp()));
        when.setXEiRecovery(optional(event.recovery()));
        EiActivePeriodType period = new EiActivePeriodType();
        period.setProperties(when);
        // components stays null: OpenADR sends it as an empty xsi:nil element.
        return period;
    }

    private static DurationPropType optional(Duration d) {
        return d.isZero() ? null : durationProp(d);
    }

    private static DurationPropType durationProp(Duration d) {
        DurationPropType prop = new DurationPropType();
        prop.setDuration(XcalTime.text(d));
        return prop;
    }

    private static String startAfter(Properties when) {
        Properties.Tolerance tolerance = when.getTolerance();
        if (tolerance == null || tolerance.getTolerate() == null) {
            return null;
        }
        return tolerance.getTolerate().getStartafter();
    }

    private static String text(DurationPropType prop) {
        return prop == null ? null : prop.getDuration();
    }

    /**
     * OpenADR's testEvent is text: "false" (or nothing) is a real event; anything else, including
     * extra text a VTN puts there, marks a test, which is never dispatched: the safe reading.
     */
    private static boolean isTest(String testEvent) {
        return testEvent != null
                && !testEvent.isBlank()
                && !testEvent.strip().equalsIgnoreCase("false");
    }

    private static List<String> sorted(Set<String> ids) {
        return ids.stream().sorted().toList();
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidFieldException(field, "required", null, "is required");
        }
        return value;
    }
}
