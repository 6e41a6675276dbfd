package io.gridshift.aggregator.ven;

import io.gridshift.aggregator.cluster.Stages;
import io.gridshift.aggregator.fleet.FleetSummary;
import io.gridshift.domain.event.EventStatus;
import io.gridshift.domain.event.GridEvent;
import io.gridshift.domain.event.ResponseRequired;
import io.gridshift.openadr.event.OadrEventMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.openadr.oadr20b.OadrDistributeEventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VEN's book of events. Each {@code oadrDistributeEvent} (polled or pushed) is read here:
 *
 * <ul>
 *   <li>a new event, or a new modification of a known one, is decided on against the part of the
 *       fleet it targets, less what higher-priority overlapping events already take, given its
 *       window (randomized start, ramp-up, recovery) and handed to the listener (the aggregator
 *       records it and publishes it for the allocation);
 *   <li>a modification already answered, or an older one than known, changes nothing;
 *   <li>a known event missing from the message is cancelled: OpenADR 2.0b distributes every event
 *       the VEN has, so a missing one was withdrawn;
 *   <li>events that require a response are returned to be answered with {@code oadrCreatedEvent}.
 * </ul>
 */
public final class EventIntake {
    private static final Logger LOG = LoggerFactory.getLogger(EventIntake.class);

    /**
     * What one message brought.
     *
     * @param events every event of the message, as the VEN now knows it
     * @param toAnswer those to answer with {@code oadrCreatedEvent}
     */
    public record Intake(List<ReceivedEvent> events, List<ReceivedEvent> toAnswer) {}

    private final FleetView fleet;
    private final EventDecider decider;
    private final OadrEventMapper mapper;
    private final Clock clock;
    private final Consumer<ReceivedEvent> listener;
    private final FirmCapacity firm;
    private final Map<String, ReceivedEvent> events = new ConcurrentHashMap<>();

    public EventIntake(
            FleetView fleet,
            EventDecider decider,
            OadrEventMapper mapper,
            Clock clock,
            Consumer<ReceivedEvent> listener) {
        this(fleet, decider, mapper, clock, listener, FirmCapacity.NONE);
    }

    /**
     * @param firm the fleet's firm kW per interval (the bid), which opt decisions hold events'
     *     requested kW against
     */
    public EventIntake(
            FleetView fleet,
            EventDecider decider,
            OadrEventMapper mapper,
            Clock clock,
            Consumer<ReceivedEvent> listener,
            FirmCapacity firm) {
        this.firm = Objects.requireNonNull(firm, "firm");
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.decider = Objects.requireNonNull(decider, "decider");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** The events received, latest modification each, by event id. */
    public List<ReceivedEvent> events() {
        return events.values().stream()
                .sorted(Comparator.comparing(e -> e.event().id().value()))
                .toList();
    }

    /** Reads one message; one at a time (the VEN's poll and push paths are serialized). */
    public synchronized CompletionStage<Intake> take(
            String venId, OadrDistributeEventType distribute) {
        List<GridEvent> incoming = mapper.toGridEvents(distribute);
        return Stages.settled(fleet.summary())
                .thenCompose(
                        summary -> {
                            CompletionStage<Intake> chain =
                                    CompletableFuture.completedFuture(
                                            new Intake(new ArrayList<>(), new ArrayList<>()));
                            for (GridEvent event : incoming) {
                                chain = chain.thenCompose(in -> one(venId, event, summary, in));
                            }
                            return chain.thenApply(in -> withdrawMissing(incoming, in));
                        });
    }

    /** Marks {@code answered} as answered (the VTN took the oadrCreatedEvent). */
    public void answered(List<ReceivedEvent> answered) {
        for (ReceivedEvent e : answered) {
            events.replace(e.event().id().value(), e, e.asAnswered());
        }
    }

    private CompletionStage<Intake> one(
            String venId, GridEvent event, FleetSummary summary, Intake in) {
        String id = event.id().value();
        ReceivedEvent known = events.get(id);
        if (known != null) {
            long knownMod = known.event().modificationNumber();
            if (knownMod > event.modificationNumber()) {
                LOG.warn(
                        "event {} modification {} is older than the {} known: ignored",
                        id,
                        event.modificationNumber(),
                        knownMod);
                in.events().add(known);
                return CompletableFuture.completedFuture(in);
            }
            if (knownMod == event.modificationNumber() && known.answered()) {
                in.events().add(known); // distributed again while another event is pending
                return CompletableFuture.completedFuture(in);
            }
        }
        EventWindow window = EventWindow.of(event, venId);
        return EventScopes.scope(event, venId, summary, fleet)
                .thenCompose(
                        scope ->
                                firmKw(event, window, summary)
                                        .thenApply(f -> Map.entry(withoutFirm(scope, f), f)))
                .thenApply(
                        sf -> {
                            ReceivedEvent fresh =
                                    new ReceivedEvent(
                                            event,
                                            window,
                                            decider.decide(
                                                    event,
                                                    sf.getKey(),
                                                    committedBefore(venId, event, window),
                                                    sf.getValue().firmKw()),
                                            false,
                                            clock.instant());
                            LOG.info(
                                    "event {} modification {}: {} ({})",
                                    id,
                                    event.modificationNumber(),
                                    fresh.decision().opt(),
                                    fresh.decision().reason());
                            if (event.responseRequired() == ResponseRequired.NEVER) {
                                fresh = fresh.asAnswered();
                            } else {
                                in.toAnswer().add(fresh);
                            }
                            events.put(id, fresh);
                            in.events().add(fresh);
                            listener.accept(fresh);
                            return in;
                        });
    }

    /**
     * The bid's firm kW per interval for the sites the event names, or else the zones it names (the
     * whole fleet when it names none), with the named sites that have no firm kW of their own; none
     * for a test or cancelled event, or when the bid fails (logged: the decision falls back on
     * flexibility).
     */
    private CompletionStage<FirmCapacity.SitesBid> firmKw(
            GridEvent event, EventWindow window, FleetSummary summary) {
        CompletionStage<FirmCapacity.SitesBid> none =
                CompletableFuture.completedFuture(FirmCapacity.SitesBid.NONE);
        List<java.time.Duration> intervals = new ArrayList<>();
        EventDecider.kwSignal(event)
                .ifPresent(s -> s.intervals().forEach(i -> intervals.add(i.duration())));
        if (event.isCancelled() || event.testEvent() || intervals.isEmpty()) {
            return none;
        }
        CompletionStage<FirmCapacity.SitesBid> bid;
        if (!event.targets().resourceIds().isEmpty()) {
            bid = firm.firmKwOfSites(event.targets().resourceIds(), window.start(), intervals);
        } else {
            Set<String> zones = new HashSet<>();
            for (String group : event.targets().groupIds()) {
                summary.zones().keySet().stream()
                        .filter(group::equalsIgnoreCase)
                        .forEach(zones::add);
            }
            if (!event.targets().groupIds().isEmpty() && zones.isEmpty()) {
                return none;
            }
            bid =
                    firm.firmKw(zones, window.start(), intervals)
                            .thenApply(kw -> new FirmCapacity.SitesBid(kw, Set.of()));
        }
        return bid.exceptionally(
                e -> {
                    LOG.warn("event {}: no bid ({})", event.id().value(), e.toString());
                    return FirmCapacity.SitesBid.NONE;
                });
    }

    /** The scope, with the named sites the bid found no firm kW in unavailable too. */
    private static EventScope withoutFirm(EventScope scope, FirmCapacity.SitesBid bid) {
        if (bid.withoutFirmKw().isEmpty()) {
            return scope;
        }
        Set<String> unavailable = new java.util.TreeSet<>(scope.unavailableSites());
        unavailable.addAll(bid.withoutFirmKw());
        return new EventScope(
                scope.addressed(), scope.what(), scope.loadKw(), scope.flexKw(), unavailable);
    }

    /** What the events that rank before {@code event} and overlap its window take. */
    private double committedBefore(String venId, GridEvent event, EventWindow window) {
        double kw = 0;
        for (ReceivedEvent other : events.values()) {
            if (!other.event().id().equals(event.id())
                    && other.dispatchable()
                    && other.ranksBefore(event)
                    && other.window().overlaps(window)
                    && EventScopes.mayShare(other.event().targets(), event.targets(), venId)) {
                kw += other.decision().requestedKw();
            }
        }
        return kw;
    }

    private Intake withdrawMissing(List<GridEvent> incoming, Intake in) {
        Set<String> present = new HashSet<>();
        incoming.forEach(e -> present.add(e.id().value()));
        for (ReceivedEvent known : List.copyOf(events.values())) {
            EventStatus status = known.event().status();
            if (!present.contains(known.event().id().value())
                    && status != EventStatus.CANCELLED
                    && status != EventStatus.COMPLETED) {
                ReceivedEvent cancelled = known.implicitlyCancelled(clock.instant());
                events.put(known.event().id().value(), cancelled);
                LOG.info(
                        "event {} is no longer distributed: cancelled", known.event().id().value());
                listener.accept(cancelled);
            }
        }
        return in;
    }
}
