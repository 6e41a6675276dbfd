package io.gridshift.aggregator.ven;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridshift.aggregator.fleet.Contribution;
import io.gridshift.aggregator.fleet.FleetSummary;
import io.gridshift.aggregator.fleet.Presence;
import io.gridshift.aggregator.fleet.SiteView;
import io.gridshift.domain.event.EventId;
import io.gridshift.domain.event.EventSignal;
import io.gridshift.domain.event.EventStatus;
import io.gridshift.domain.event.EventTargets;
import io.gridshift.domain.event.GridEvent;
import io.gridshift.domain.event.OptType;
import io.gridshift.domain.event.ResponseRequired;
import io.gridshift.domain.event.SignalInterval;
import io.gridshift.domain.event.SignalName;
import io.gridshift.domain.event.SignalType;
import io.gridshift.domain.flex.ResourceKind;
import io.gridshift.domain.site.SiteId;
import io.gridshift.domain.time.ManualClock;
import io.gridshift.openadr.codec.OadrCodec;
import io.gridshift.openadr.event.OadrEventMapper;
import io.gridshift.openadr.message.OadrMessages;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.openadr.oadr20b.OadrDistributeEventType;

/**
 * The VEN's book of events, fed schema-valid oadrDistributeEvent documents (written and read back
 * through the validating codec) against a fleet of 2,000 kW with 300 kW of flexibility: 200 kW in
 * zone DE (site dc-de, which has 120 kW) and 100 kW in zone FR.
 */
class EventIntakeTest {
    static final Instant T0 = Instant.parse("2026-07-01T06:00:00Z");
    static final String VEN = "ven-Agg-1";

    final ManualClock clock = new ManualClock(T0);
    final OadrEventMapper mapper = new OadrEventMapper();
    final OadrCodec codec = new OadrCodec();
    final List<ReceivedEvent> published = new ArrayList<>();
    final EventIntake intake =
            new EventIntake(new Fleet(), new EventDecider(), mapper, clock, published::add);

    @Test
    void modificationsAreDecidedAgainOlderOnesIgnoredAndMissingEventsCancelled() {
        GridEvent a0 = event("evt-a", 0, 1, -100, EventTargets.ALL, Duration.ZERO);
        GridEvent b0 = event("evt-b", 0, 1, -100, EventTargets.ALL, Duration.ZERO);
        EventIntake.Intake first = take(a0, b0);
        assertThat(first.toAnswer()).hasSize(2);
        intake.answered(first.toAnswer());

        // the same again: nothing to answer, nothing published
        assertThat(take(a0, b0).toAnswer()).isEmpty();
        assertThat(published).hasSize(2);

        // a modification of evt-a asks for more than the fleet has
        GridEvent a1 = event("evt-a", 1, 1, -400, EventTargets.ALL, Duration.ZERO);
        EventIntake.Intake modified = take(a1, b0);
        assertThat(modified.toAnswer())
                .singleElement()
                .satisfies(e -> assertThat(e.decision().opt()).isEqualTo(OptType.OPT_OUT));
        intake.answered(modified.toAnswer());

        // an older modification arriving late changes nothing
        assertThat(take(a0, b0).toAnswer()).isEmpty();
        assertThat(event("evt-a").event().modificationNumber()).isEqualTo(1);

        // evt-b is no longer distributed: cancelled, published, not dispatchable
        take(a1);
        ReceivedEvent b = event("evt-b");
        assertThat(b.event().status()).isEqualTo(EventStatus.CANCELLED);
        assertThat(b.dispatchable()).isFalse();
        assertThat(published.get(published.size() - 1).event().id().value()).isEqualTo("evt-b");
    }

    @Test
    void aLowerPriorityOverlappingEventGetsOnlyWhatIsLeft() {
        // priority 1 takes 250 of the 300 kW; priority 2 overlapping wants 100: out
        EventIntake.Intake in =
                take(
                        event("evt-high", 0, 1, -250, EventTargets.ALL, Duration.ZERO),
                        event("evt-low", 0, 2, -100, EventTargets.ALL, Duration.ZERO));
        assertThat(in.toAnswer())
                .extracting(e -> e.event().id().value(), e -> e.decision().opt())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("evt-high", OptType.OPT_IN),
                        org.assertj.core.groups.Tuple.tuple("evt-low", OptType.OPT_OUT));
        assertThat(event("evt-low").decision().reason()).contains("50.0 kW");
    }

    @Test
    void targetsNarrowTheFleetToZonesAndSitesAndOtherVensEventsAreOptedOutOf() {
        EventTargets zoneFr = new EventTargets(Set.of(), Set.of(), Set.of("fr"), Set.of());
        EventTargets siteDe = new EventTargets(Set.of(), Set.of("dc-de"), Set.of(), Set.of());
        EventTargets others = new EventTargets(Set.of("ven-other"), Set.of(), Set.of(), Set.of());
        EventTargets usInCaps =
                new EventTargets(Set.of(VEN.toUpperCase()), Set.of(), Set.of(), Set.of());
        take(
                event("evt-fr", 0, 2, -100, zoneFr, Duration.ZERO),
                event("evt-site", 0, 1, -150, siteDe, Duration.ZERO),
                event("evt-others", 0, 1, -1, others, Duration.ZERO),
                event("evt-us", 0, 1, -10, usInCaps, Duration.ZERO));

        assertThat(event("evt-fr").decision().opt()).isEqualTo(OptType.OPT_IN);
        assertThat(event("evt-fr").decision().reason()).startsWith("zones [FR] flexibility 100.0");
        assertThat(event("evt-site").decision().opt()).isEqualTo(OptType.OPT_OUT);
        assertThat(event("evt-site").decision().reason())
                .startsWith("sites [dc-de] flexibility 120.0");
        assertThat(event("evt-others").decision().opt()).isEqualTo(OptType.OPT_OUT);
        assertThat(event("evt-others").decision().reason()).contains("[ven-other]");
        assertThat(event("evt-us").decision().opt()).isEqualTo(OptType.OPT_IN);
    }

    @Test
    void theStartIsRandomizedWithinTheToleranceTheSameWayEveryTimeAndRampAndRecoveryFrameIt() {
        GridEvent e =
                new GridEvent(
                        EventId.of("evt-r"),
                        0,
                        null,
                        "http://market.example",
                        1,
                        T0,
                        EventStatus.FAR,
                        false,
                        ResponseRequired.ALWAYS,
                        T0.plus(Duration.ofHours(8)),
                        Duration.ofHours(1),
                        Duration.ofMinutes(10),
                        Duration.ofHours(1),
                        Duration.ofMinutes(15),
                        Duration.ofMinutes(30),
                        List.of(delta(-50)),
                        EventTargets.ALL);
        take(e);
        EventWindow w = event("evt-r").window();

        assertThat(w.offset()).isBetween(Duration.ZERO, Duration.ofMinutes(10));
        assertThat(w).isEqualTo(EventWindow.of(e, VEN));
        assertThat(w.start()).isEqualTo(e.start().plus(w.offset()));
        assertThat(w.rampFrom()).isEqualTo(w.start().minus(Duration.ofMinutes(15)));
        assertThat(w.recoverUntil())
                .isEqualTo(w.start().plus(Duration.ofHours(1)).plus(Duration.ofMinutes(30)));
        // another VEN draws another offset (for this id; a clash would be a 1 in 600,000 chance)
        assertThat(EventWindow.of(e, "ven-other").offset()).isNotEqualTo(w.offset());
    }

    // --- helpers

    @Test
    void anEventNamingSitesIsDecidedByTheirBidAndSitesWithoutFirmKwAreOptedOut() {
        // GIVEN the named sites' bid: dc-de together 150 kW firm; dc-de2 online but 0 kW firm
        List<Set<String>> asked = new ArrayList<>();
        FirmCapacity bid =
                new FirmCapacity() {
                    @Override
                    public CompletionStage<List<Double>> firmKw(
                            Set<String> zones, Instant start, List<Duration> intervals) {
                        return CompletableFuture.completedFuture(List.of());
                    }

                    @Override
                    public CompletionStage<SitesBid> firmKwOfSites(
                            Set<String> sites, Instant start, List<Duration> intervals) {
                        asked.add(sites);
                        return CompletableFuture.completedFuture(
                                new SitesBid(List.of(150.0), Set.of("dc-de2")));
                    }
                };
        EventIntake byBid =
                new EventIntake(
                        new Fleet(), new EventDecider(), mapper, clock, published::add, bid);
        EventTargets sites =
                new EventTargets(Set.of(), Set.of("dc-de", "dc-de2"), Set.of(), Set.of());
        // WHEN an event asks those sites for 100 kW, then another for 200 kW
        takeWith(
                byBid,
                event("evt-100", 0, 1, -100, sites, Duration.ZERO),
                event("evt-200", 0, 2, -200, sites, Duration.ZERO));
        // THEN the bid was asked for the named sites, the first is opted in by it and the site
        // without firm kW of its own is opted out of it; the second is more than the bid
        assertThat(asked).containsOnly(Set.of("dc-de", "dc-de2"));
        ReceivedEvent in =
                byBid.events().stream()
                        .filter(e -> e.event().id().value().equals("evt-100"))
                        .findFirst()
                        .orElseThrow();
        assertThat(in.decision().opt()).isEqualTo(OptType.OPT_IN);
        assertThat(in.decision().reason()).contains("firm 150.0 kW");
        assertThat(in.decision().unavailableSites()).contains("dc-de2");
        ReceivedEvent out =
                byBid.events().stream()
                        .filter(e -> e.event().id().value().equals("evt-200"))
                        .findFirst()
                        .orElseThrow();
        assertThat(out.decision().opt()).isEqualTo(OptType.OPT_OUT);
        assertThat(out.decision().reason()).contains("does not cover the 200.0 kW");
    }

    EventIntake.Intake take(GridEvent... events) {
        return takeWith(intake, events);
    }

    EventIntake.Intake takeWith(EventIntake into, GridEvent... events) {
        OadrDistributeEventType written =
                mapper.toDistributeEvent("req-" + published.size(), "VTN", List.of(events), T0);
        // through the schema both ways, as it would come off the wire
        OadrDistributeEventType read =
                OadrMessages.body(
                                codec.readPayload(codec.write(OadrMessages.payload(written)))
                                        .getOadrSignedObject(),
                                OadrDistributeEventType.class)
                        .orElseThrow();
        return into.take(VEN, read).toCompletableFuture().join();
    }

    ReceivedEvent event(String id) {
        return intake.events().stream()
                .filter(e -> e.event().id().value().equals(id))
                .findFirst()
                .orElseThrow();
    }

    static GridEvent event(
            String id,
            long modification,
            long priority,
            double kw,
            EventTargets targets,
            Duration startAfter) {
        return new GridEvent(
                EventId.of(id),
                modification,
                null,
                "http://market.example",
                priority,
                T0,
                EventStatus.FAR,
                false,
                ResponseRequired.ALWAYS,
                T0.plus(Duration.ofHours(8)),
                Duration.ofHours(1),
                startAfter,
                null,
                null,
                null,
                List.of(delta(kw)),
                targets);
    }

    static EventSignal delta(double kw) {
        return new EventSignal(
                "ld",
                SignalName.LOAD_DISPATCH,
                null,
                SignalType.DELTA,
                "kW",
                List.of(new SignalInterval(0, Duration.ofHours(1), kw)));
    }

    /** The fleet's figures; dc-de is the one site looked up by id. */
    static final class Fleet implements FleetView {
        @Override
        public CompletionStage<FleetSummary> summary() {
            return CompletableFuture.completedFuture(
                    new FleetSummary(
                            2,
                            2,
                            2000,
                            1600,
                            0,
                            Map.of(ResourceKind.BATTERY, 300.0),
                            Map.of(
                                    "DE", new FleetSummary.ZoneSummary(1, 1200, 200, 0),
                                    "FR", new FleetSummary.ZoneSummary(1, 800, 100, 0))));
        }

        @Override
        public CompletionStage<Optional<SiteView>> site(SiteId site) {
            if (!site.value().equals("dc-de")) {
                return CompletableFuture.completedFuture(Optional.empty());
            }
            double[] flex = new double[ResourceKind.values().length];
            flex[ResourceKind.BATTERY.ordinal()] = 120;
            return CompletableFuture.completedFuture(
                    Optional.of(
                            new SiteView(
                                    site,
                                    Presence.ONLINE,
                                    T0,
                                    null,
                                    null,
                                    null,
                                    "DE",
                                    null,
                                    null,
                                    null,
                                    new Contribution(true, "DE", 700, 600, 0, flex))));
        }
    }
}
