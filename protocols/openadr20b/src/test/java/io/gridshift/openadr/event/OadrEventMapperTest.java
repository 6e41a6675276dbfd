package io.gridshift.openadr.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.event.EventSignal;
import io.gridshift.domain.event.EventStatus;
import io.gridshift.domain.event.EventTargets;
import io.gridshift.domain.event.GridEvent;
import io.gridshift.domain.event.ResponseRequired;
import io.gridshift.domain.event.SignalInterval;
import io.gridshift.domain.event.SignalName;
import io.gridshift.domain.event.SignalType;
import io.gridshift.openadr.codec.OadrCodec;
import io.gridshift.openadr.examples.OadrExamples;
import io.gridshift.openadr.message.OadrMessages;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.openadr.oadr20b.OadrDistributeEventType;
import org.openadr.oadr20b.ei.EiEventSignalType;
import org.openadr.oadr20b.ei.SignalTypeEnumeratedType;

/** The golden events, read into GridEvents: every field GridEvent has, by value. */
class OadrEventMapperTest {
    static final String VEN = "3f:6a:91:c4:0e:27:b8:5d:12:e9";
    static final OadrCodec CODEC = new OadrCodec();
    static final OadrEventMapper MAPPER = new OadrEventMapper();

    static OadrDistributeEventType distribute(String example) {
        return CODEC.readPayload(OadrExamples.bytes(example))
                .getOadrSignedObject()
                .getOadrDistributeEvent();
    }

    @Test
    void dayAheadSimpleEvent() {
        List<GridEvent> events = MAPPER.toGridEvents(distribute(OadrExamples.DISTRIBUTE_EVENT_24H));

        assertThat(events).hasSize(1);
        GridEvent e = events.get(0);
        assertThat(e.id().value()).isEqualTo("evt-20250716-dayahead");
        assertThat(e.modificationNumber()).isZero();
        assertThat(e.modificationReason()).isNull();
        assertThat(e.marketContext()).isEqualTo("http://MarketContext1");
        assertThat(e.priority()).isEqualTo(1);
        assertThat(e.createdAt()).isEqualTo(Instant.parse("2025-07-15T12:00:00Z"));
        assertThat(e.status()).isEqualTo(EventStatus.FAR);
        assertThat(e.testEvent()).isFalse();
        assertThat(e.responseRequired()).isEqualTo(ResponseRequired.ALWAYS);
        assertThat(e.start()).isEqualTo(Instant.parse("2025-07-16T00:00:00Z"));
        assertThat(e.duration()).isEqualTo(Duration.ofHours(24));
        assertThat(e.startAfter()).isZero();
        assertThat(e.notification()).isEqualTo(Duration.ofHours(12));
        assertThat(e.rampUp()).isZero();
        assertThat(e.recovery()).isZero();
        assertThat(e.targets())
                .isEqualTo(new EventTargets(Set.of(VEN), Set.of(), Set.of(), Set.of()));

        EventSignal simple = e.signals().get(0);
        assertThat(e.signals()).hasSize(1);
        assertThat(simple.id()).isEqualTo("sig-simple-0");
        assertThat(simple.name()).isEqualTo(SignalName.SIMPLE);
        assertThat(simple.rawName()).isNull();
        assertThat(simple.type()).isEqualTo(SignalType.LEVEL);
        assertThat(simple.unit()).isNull();
        assertThat(simple.duration()).isEqualTo(e.duration());
        assertThat(simple.intervals())
                .extracting(SignalInterval::uid)
                .containsExactlyElementsOf(IntStream.range(0, 24).boxed().toList());
        assertThat(simple.intervals()).allMatch(i -> i.duration().equals(Duration.ofHours(1)));
        assertThat(simple.intervals())
                .extracting(SignalInterval::value)
                .containsExactly(
                        0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0,
                        2.0, 2.0, 3.0, 3.0, 2.0, 1.0, 1.0, 0.0, 0.0);
        assertThat(simple.valueAt(e.start(), Instant.parse("2025-07-16T17:30:00Z"))).hasValue(3.0);
    }

    @Test
    void eveningEventWithEverySignalAndTarget() {
        List<GridEvent> events =
                MAPPER.toGridEvents(distribute(OadrExamples.DISTRIBUTE_EVENT_MULTI_SIGNAL));

        assertThat(events).hasSize(2);
        GridEvent e = events.get(0);
        assertThat(e.id().value()).isEqualTo("evt-20250715-evening-peak");
        assertThat(e.modificationNumber()).isEqualTo(2);
        assertThat(e.modificationReason())
                .isEqualTo("Reduced setpoint after updated load forecast");
        assertThat(e.priority()).isZero();
        assertThat(e.status()).isEqualTo(EventStatus.NEAR);
        assertThat(e.testEvent()).isFalse();
        assertThat(e.responseRequired()).isEqualTo(ResponseRequired.NEVER);
        assertThat(e.start()).isEqualTo(Instant.parse("2025-07-15T17:00:00Z"));
        assertThat(e.end()).isEqualTo(Instant.parse("2025-07-15T19:00:00Z"));
        assertThat(e.startAfter()).isEqualTo(Duration.ofMinutes(5));
        assertThat(e.notification()).isEqualTo(Duration.ofHours(4));
        assertThat(e.rampUp()).isEqualTo(Duration.ofMinutes(15));
        assertThat(e.recovery()).isEqualTo(Duration.ofMinutes(30));
        assertThat(e.targets())
                .isEqualTo(
                        new EventTargets(
                                Set.of(VEN),
                                Set.of("site-fra-01", "site-muc-02"),
                                Set.of("zone-DE-South"),
                                Set.of("party-gridshift-eu")));

        assertThat(e.signals())
                .extracting(EventSignal::name, EventSignal::type, EventSignal::unit)
                .containsExactly(
                        tuple(SignalName.SIMPLE, SignalType.LEVEL, null),
                        tuple(SignalName.LOAD_DISPATCH, SignalType.SETPOINT, "kW"),
                        tuple(SignalName.LOAD_DISPATCH, SignalType.DELTA, "kW"),
                        tuple(SignalName.ELECTRICITY_PRICE, SignalType.PRICE, "EUR/kWh"));
        assertThat(values(e.signals().get(1))).containsExactly(4200.0, 3800.0, 3800.0, 4200.0);
        assertThat(values(e.signals().get(2))).containsExactly(-500.0, -900.0, -900.0, -500.0);
        assertThat(values(e.signals().get(3))).containsExactly(0.245, 0.38, 0.412, 0.29);
        assertThat(e.signals()).allMatch(s -> s.duration().equals(Duration.ofHours(2)));
        assertThat(e.signal(SignalName.ELECTRICITY_PRICE).orElseThrow().id())
                .isEqualTo("sig-price-0");

        GridEvent completed = events.get(1);
        assertThat(completed.status()).isEqualTo(EventStatus.COMPLETED);
        assertThat(completed.responseRequired()).isEqualTo(ResponseRequired.ALWAYS);
        assertThat(completed.signals())
                .singleElement()
                .satisfies(s -> assertThat(values(s)).containsExactly(1.0));
    }

    @Test
    void cancelledTestEvent() {
        GridEvent e = MAPPER.toGridEvents(distribute("oadrDistributeEvent-cancelled.xml")).get(0);

        assertThat(e.status()).isEqualTo(EventStatus.CANCELLED);
        assertThat(e.isCancelled()).isTrue();
        assertThat(e.statusAt(e.start())).isEqualTo(EventStatus.CANCELLED);
        assertThat(e.testEvent()).isTrue();
        assertThat(e.modificationNumber()).isEqualTo(1);
        assertThat(e.modificationReason()).isEqualTo("Cancelled by operator");
        assertThat(e.priority()).isEqualTo(2);
        assertThat(e.marketContext()).isEqualTo("http://MarketContext2");
        assertThat(e.targets().groupIds()).containsExactly("zone-DE-South");
        assertThat(e.targets().venIds()).isEmpty();
    }

    @Test
    void currentValueIsTheValueInForceWhileTheEventRuns() {
        GridEvent e = MAPPER.toGridEvents(distribute(OadrExamples.DISTRIBUTE_EVENT_24H)).get(0);

        float during = currentValue(MAPPER.toOadrEvent(e, Instant.parse("2025-07-16T17:30:00Z")));
        float before = currentValue(MAPPER.toOadrEvent(e, e.createdAt()));

        assertThat(during).isEqualTo(3.0f);
        assertThat(before).isZero();
    }

    @Test
    void testEventTextOtherThanFalseMarksATest() {
        OadrDistributeEventType d = distribute(OadrExamples.DISTRIBUTE_EVENT_24H);
        d.getOadrEvent().get(0).getEiEvent().getEventDescriptor().setTestEvent("true; drill 7");

        assertThat(MAPPER.toGridEvent(d.getOadrEvent().get(0)).testEvent()).isTrue();
    }

    @Test
    void missingPartsAndBadValuesNameTheEventAndField() {
        OadrDistributeEventType noStatus = distribute(OadrExamples.DISTRIBUTE_EVENT_24H);
        noStatus.getOadrEvent().get(0).getEiEvent().getEventDescriptor().setEventStatus(null);
        OadrDistributeEventType monthLong = distribute(OadrExamples.DISTRIBUTE_EVENT_24H);
        monthLong
                .getOadrEvent()
                .get(0)
                .getEiEvent()
                .getEiActivePeriod()
                .getProperties()
                .getDuration()
                .setDuration("P1M");

        assertThatThrownBy(() -> MAPPER.toGridEvent(noStatus.getOadrEvent().get(0)))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class,
                        e -> {
                            assertThat(e.field())
                                    .isEqualTo("oadrEvent[evt-20250716-dayahead].eventStatus");
                            assertThat(e.rule()).isEqualTo("required");
                        });
        assertThatThrownBy(() -> MAPPER.toGridEvent(monthLong.getOadrEvent().get(0)))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class,
                        e -> {
                            assertThat(e.field())
                                    .isEqualTo("oadrEvent[evt-20250716-dayahead].duration");
                            assertThat(e.getMessage()).contains("P1M", "years and months");
                        });
    }

    @Test
    void loadControlSignalTypesReadAsOtherAndCannotBeWrittenBack() {
        OadrDistributeEventType d = distribute(OadrExamples.DISTRIBUTE_EVENT_24H);
        EiEventSignalType signal =
                d.getOadrEvent().get(0).getEiEvent().getEiEventSignals().getEiEventSignal().get(0);
        signal.setSignalType(SignalTypeEnumeratedType.X_LOAD_CONTROL_CAPACITY);
        signal.setSignalName("x-capacity");

        GridEvent e = MAPPER.toGridEvent(d.getOadrEvent().get(0));

        assertThat(e.signals().get(0).type()).isEqualTo(SignalType.DELTA_OR_SETPOINT_OTHER);
        assertThat(e.signals().get(0).name()).isEqualTo(SignalName.OTHER);
        assertThat(e.signals().get(0).rawName()).isEqualTo("x-capacity");
        assertThatThrownBy(() -> MAPPER.toOadrEvent(e, e.createdAt()))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class,
                        x -> {
                            assertThat(x.field())
                                    .isEqualTo("oadrEvent[evt-20250716-dayahead].signals[0].type");
                            assertThat(x.rule()).isEqualTo("unsupported");
                        });
    }

    @Test
    void writtenEventsAreValidOpenAdr() {
        List<GridEvent> events =
                MAPPER.toGridEvents(distribute(OadrExamples.DISTRIBUTE_EVENT_MULTI_SIGNAL));

        OadrDistributeEventType d =
                MAPPER.toDistributeEvent(
                        "req-1", "VTN_1", events, Instant.parse("2025-07-15T18:00:00Z"));
        byte[] xml = CODEC.write(OadrMessages.payload(d));

        OadrDistributeEventType back =
                CODEC.readPayload(xml).getOadrSignedObject().getOadrDistributeEvent();
        assertThat(back.getRequestID()).isEqualTo("req-1");
        assertThat(back.getVtnID()).isEqualTo("VTN_1");
        assertThat(back.getSchemaVersion()).isEqualTo("2.0b");
        assertThat(MAPPER.toGridEvents(back)).isEqualTo(events);
        // 18:00 is the third half hour of the running event: SIMPLE 2, setpoint 3800 kW.
        assertThat(back.getOadrEvent().get(0).getEiEvent().getEiEventSignals().getEiEventSignal())
                .extracting(s -> s.getCurrentValue().getPayloadFloat().getValue())
                .containsExactly(2.0f, 3800.0f, -900.0f, 0.412f);
    }

    private static List<Double> values(EventSignal signal) {
        return signal.intervals().stream().map(SignalInterval::value).toList();
    }

    private static float currentValue(OadrDistributeEventType.OadrEvent event) {
        return event.getEiEvent()
                .getEiEventSignals()
                .getEiEventSignal()
                .get(0)
                .getCurrentValue()
                .getPayloadFloat()
                .getValue();
    }
}
