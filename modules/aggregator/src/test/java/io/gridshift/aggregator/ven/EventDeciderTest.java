package io.gridshift.aggregator.ven;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridshift.aggregator.fleet.FleetSummary;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventDeciderTest {
    static final Instant T0 = Instant.parse("2026-07-01T06:00:00Z");
    final EventDecider decider = new EventDecider();

    /** 300 kW of flexibility, 2,000 kW of load. */
    final FleetSummary fleet =
            new FleetSummary(
                    1,
                    1,
                    2000,
                    1600,
                    50,
                    Map.of(ResourceKind.BATTERY, 200.0, ResourceKind.DEFERRABLE_JOBS, 100.0),
                    Map.of());

    @Test
    void optsInWhenTheFlexibilityCoversTheLargestReduction() {
        EventDecider.Decision d =
                decider.decide(event(false, EventStatus.FAR, delta("kW", -100, -300)), fleet);
        assertThat(d.opt()).isEqualTo(OptType.OPT_IN);
        assertThat(d.reason()).contains("300.0 kW");
    }

    @Test
    void optsOutWhenOneIntervalAsksForMoreThanTheFleetHas() {
        EventDecider.Decision d =
                decider.decide(event(false, EventStatus.FAR, delta("kW", -100, -301)), fleet);
        assertThat(d.opt()).isEqualTo(OptType.OPT_OUT);
        assertThat(d.reason()).contains("does not cover the 301.0 kW");
    }

    @Test
    void unitsAndSetpointsAreReadAsKilowatts() {
        assertThat(decider.decide(event(false, EventStatus.FAR, delta("MW", -0.3)), fleet).opt())
                .isEqualTo(OptType.OPT_IN);
        assertThat(decider.decide(event(false, EventStatus.FAR, delta("MW", -0.4)), fleet).opt())
                .isEqualTo(OptType.OPT_OUT);
        // load 2,000 kW down to 1,750: 250 kW
        assertThat(
                        EventDecider.requestedReductionKw(
                                        event(false, EventStatus.FAR, setpoint(1750)), 2000)
                                .getAsDouble())
                .isEqualTo(250);
        assertThat(decider.decide(event(false, EventStatus.FAR, setpoint(1600)), fleet).opt())
                .isEqualTo(OptType.OPT_OUT);
    }

    @Test
    void aTestEventIsOptedOutEvenWithinTheFlexibility() {
        EventDecider.Decision d =
                decider.decide(event(true, EventStatus.FAR, delta("kW", -10)), fleet);
        assertThat(d.opt()).isEqualTo(OptType.OPT_OUT);
        assertThat(d.reason()).contains("test event");
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
        assertThat(decider.decide(event(false, EventStatus.FAR, simple), fleet).opt())
                .isEqualTo(OptType.OPT_IN);
        assertThat(decider.decide(event(false, EventStatus.FAR, simple), FleetSummary.EMPTY).opt())
                .isEqualTo(OptType.OPT_OUT);
        assertThat(
                        decider.decide(
                                        event(false, EventStatus.CANCELLED, delta("kW", -9999)),
                                        FleetSummary.EMPTY)
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
