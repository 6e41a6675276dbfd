package io.gridshift.aggregator.ven;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventDeciderTest {
    static final Instant T0 = Instant.parse("2026-07-01T06:00:00Z");
    final EventDecider decider = new EventDecider();

    /** 300 kW of flexibility, 2,000 kW of load. */
    final EventScope fleet = EventScope.fleet(2000, 300);

    static final EventScope EMPTY = EventScope.fleet(0, 0);

    @Test
    void optsInWhenTheFlexibilityCoversTheLargestReduction() {
        EventDecider.Decision d =
                decider.decide(event(false, EventStatus.FAR, delta("kW", -100, -300)), fleet, 0);
        assertThat(d.opt()).isEqualTo(OptType.OPT_IN);
        assertThat(d.reason()).contains("300.0 kW");
    }

    @Test
    void optsOutWhenOneIntervalAsksForMoreThanTheFleetHas() {
        EventDecider.Decision d =
                decider.decide(event(false, EventStatus.FAR, delta("kW", -100, -301)), fleet, 0);
        assertThat(d.opt()).isEqualTo(OptType.OPT_OUT);
        assertThat(d.reason()).contains("does not cover the 301.0 kW");
    }

    @Test
    void unitsAndSetpointsAreReadAsKilowatts() {
        assertThat(decider.decide(event(false, EventStatus.FAR, delta("MW", -0.3)), fleet, 0).opt())
                .isEqualTo(OptType.OPT_IN);
        assertThat(decider.decide(event(false, EventStatus.FAR, delta("MW", -0.4)), fleet, 0).opt())
                .isEqualTo(OptType.OPT_OUT);
        // load 2,000 kW down to 1,750: 250 kW
        assertThat(
                        EventDecider.requestedReductionKw(
                                        event(false, EventStatus.FAR, setpoint(1750)), 2000)
                                .getAsDouble())
                .isEqualTo(250);
        assertThat(decider.decide(event(false, EventStatus.FAR, setpoint(1600)), fleet, 0).opt())
                .isEqualTo(OptType.OPT_OUT);
    }

    @Test
    void byTheBidItOptsInWhenTheFirmKwCoversEveryInterval() {
        // GIVEN 300 kW of flexibility, of which the bid holds 280 then 260 kW firm (95 %)
        GridEvent e = event(false, EventStatus.FAR, delta("kW", -250, -260));
        // WHEN the event asks 250 then 260 kW
        EventDecider.Decision d = decider.decide(e, fleet, 0, List.of(280.0, 260.0));
        // THEN it opts in: each interval is covered
        assertThat(d.opt()).isEqualTo(OptType.OPT_IN);
        assertThat(d.requestedKw()).isEqualTo(260);
        assertThat(d.reason())
                .isEqualTo(
                        "fleet firm 260.0 kW or more (95 % confidence) covers the 260.0 kW"
                                + " requested in each of its 2 intervals");
    }

    @Test
    void byTheBidItOptsOutWhenOneIntervalIsNotFirm() {
        // GIVEN the same 300 kW of flexibility (enough by flexibility alone), but a bid of 280 kW
        // firm in the first interval and 240 kW in the second (a site with a poor delivery record)
        GridEvent e = event(false, EventStatus.FAR, delta("kW", -250, -260));
        assertThat(decider.decide(e, fleet, 0).opt()).isEqualTo(OptType.OPT_IN);
        // WHEN the bid decides
        EventDecider.Decision d = decider.decide(e, fleet, 0, List.of(280.0, 240.0));
        // THEN it opts out, naming the interval and the numbers
        assertThat(d.opt()).isEqualTo(OptType.OPT_OUT);
        assertThat(d.reason())
                .isEqualTo(
                        "fleet firm 240.0 kW (95 % confidence) in interval 1 does not cover the"
                                + " 260.0 kW requested");
    }

    @Test
    void byTheBidHigherPriorityEventsTakeTheirShareOfTheFirmKw() {
        // 280 kW firm each interval, 50 kW taken by a higher-priority event: 230 kW left
        GridEvent e = event(false, EventStatus.FAR, delta("kW", -230, -231));
        EventDecider.Decision d = decider.decide(e, fleet, 50, List.of(280.0, 280.0));
        assertThat(d.opt()).isEqualTo(OptType.OPT_OUT);
        assertThat(d.reason())
                .isEqualTo(
                        "fleet firm 230.0 kW (95 % confidence, less 50.0 kW taken by higher-priority"
                                + " events) in interval 1 does not cover the 231.0 kW requested");
    }

    @Test
    void withoutABidForEachIntervalTheFlexibilityDecides() {
        GridEvent e = event(false, EventStatus.FAR, delta("kW", -250, -260));
        assertThat(decider.decide(e, fleet, 0, List.of()).reason())
                .isEqualTo(decider.decide(e, fleet, 0).reason());
        assertThat(decider.decide(e, fleet, 0, List.of(500.0)).reason())
                .as("a bid of another horizon is not used")
                .isEqualTo(decider.decide(e, fleet, 0).reason());
        assertThat(EventDecider.requestedPerIntervalKw(e, 0)).containsExactly(250.0, 260.0);
    }

    @Test
    void aTestEventIsAcknowledgedAndNeverDispatched() {
        EventDecider.Decision d =
                decider.decide(event(true, EventStatus.FAR, delta("kW", -10)), fleet, 0);
        assertThat(d.opt()).isEqualTo(OptType.OPT_IN);
        assertThat(d.reason()).contains("test event: acknowledged, not dispatched");
    }

    @Test
    void higherPriorityEventsTakeTheirShareFirst() {
        // 300 kW flexible, 250 kW already committed to a higher-priority overlapping event
        EventDecider.Decision d =
                decider.decide(event(false, EventStatus.FAR, delta("kW", -100)), fleet, 250);
        assertThat(d.opt()).isEqualTo(OptType.OPT_OUT);
        assertThat(d.reason())
                .isEqualTo(
                        "fleet flexibility 50.0 kW (250.0 kW taken by higher-priority events)"
                                + " does not cover the 100.0 kW requested");
        assertThat(d.requestedKw()).isEqualTo(100);
    }

    @Test
    void anEventForOtherVensOnlyIsOptedOutOf() {
        EventDecider.Decision d =
                decider.decide(
                        event(false, EventStatus.FAR, delta("kW", -1)),
                        EventScope.notAddressed("not addressed to this VEN"),
                        0);
        assertThat(d.opt()).isEqualTo(OptType.OPT_OUT);
        assertThat(d.reason()).isEqualTo("not addressed to this VEN");
    }

    @Test
    void simpleLevelsNeedSomeFlexibilityAndCancellationsAreAcknowledged() {
        EventSignal simple =
                new EventSignal(
                        "s0",
                        SignalName.SIMPLE,
                        null,
                        SignalType.LEVEL,
                        null,
                        List.of(new SignalInterval(0, Duration.ofHours(1), 2)));
        assertThat(decider.decide(event(false, EventStatus.FAR, simple), fleet, 0).opt())
                .isEqualTo(OptType.OPT_IN);
        assertThat(decider.decide(event(false, EventStatus.FAR, simple), EMPTY, 0).opt())
                .isEqualTo(OptType.OPT_OUT);
        assertThat(
                        decider.decide(
                                        event(false, EventStatus.CANCELLED, delta("kW", -9999)),
                                        EMPTY,
                                        0)
                                .opt())
                .isEqualTo(OptType.OPT_IN);
    }

    static EventSignal delta(String unit, double... values) {
        return signal(SignalType.DELTA, unit, values);
    }

    static EventSignal setpoint(double kw) {
        return signal(SignalType.SETPOINT, "kW", kw);
    }

    static EventSignal signal(SignalType type, String unit, double... values) {
        List<SignalInterval> intervals = new java.util.ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            intervals.add(new SignalInterval(i, Duration.ofMinutes(30), values[i]));
        }
        return new EventSignal("ld", SignalName.LOAD_DISPATCH, null, type, unit, intervals);
    }

    static GridEvent event(boolean test, EventStatus status, EventSignal signal) {
        return new GridEvent(
                EventId.of("evt-1"),
                0,
                null,
                "http://market.example",
                1,
                T0,
                status,
                test,
                ResponseRequired.ALWAYS,
                T0.plus(Duration.ofDays(1)),
                signal.duration(),
                null,
                null,
                null,
                null,
                List.of(signal),
                EventTargets.ALL);
    }
}
