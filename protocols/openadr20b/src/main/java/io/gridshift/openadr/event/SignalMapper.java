package io.gridshift.openadr.event;

import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.event.EventSignal;
import io.gridshift.domain.event.GridEvent;
import io.gridshift.domain.event.SignalInterval;
import io.gridshift.domain.event.SignalName;
import io.gridshift.domain.event.SignalType;
import jakarta.xml.bind.JAXBElement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openadr.oadr20b.ei.CurrentValueType;
import org.openadr.oadr20b.ei.EiEventSignalType;
import org.openadr.oadr20b.ei.IntervalType;
import org.openadr.oadr20b.ei.ObjectFactory;
import org.openadr.oadr20b.ei.PayloadFloatType;
import org.openadr.oadr20b.ei.SignalPayloadType;
import org.openadr.oadr20b.ei.SignalTypeEnumeratedType;
import org.openadr.oadr20b.strm.Intervals;
import org.openadr.oadr20b.xcal.DurationPropType;
import org.openadr.oadr20b.xcal.Uid;

/** One {@code ei:eiEventSignal} as a domain {@link EventSignal} and back. */
final class SignalMapper {
    private static final ObjectFactory EI = new ObjectFactory();

    private final PowerAttributes attributes;

    SignalMapper(PowerAttributes attributes) {
        this.attributes = attributes;
    }

    EventSignal toDomain(EiEventSignalType signal, String field) {
        String raw = signal.getSignalName();
        SignalName name = name(raw);
        if (signal.getSignalType() == null) {
            throw new InvalidFieldException(field + ".signalType", "required", null, "is required");
        }
        return new EventSignal(
                signal.getSignalID(),
                name,
                name.name().equals(raw) ? null : raw,
                type(signal.getSignalType()),
                OadrUnits.unit(signal.getItemBase()),
                intervals(signal.getIntervals(), field + ".intervals"));
    }

    EiEventSignalType toOadr(EventSignal signal, GridEvent event, Instant now, String field) {
        EiEventSignalType oadr = new EiEventSignalType();
        Intervals intervals = new Intervals();
        for (SignalInterval interval : signal.intervals()) {
            intervals.getInterval().add(interval(interval));
        }
        oadr.setIntervals(intervals);
        oadr.setSignalName(signalName(signal, field));
        oadr.setSignalType(signalType(signal.type(), field));
        oadr.setSignalID(signal.id());
        oadr.setItemBase(OadrUnits.item(signal.unit(), attributes));
        // OpenADR: the value in force now, or 0 while the event is not running.
        double current =
                event.isActiveAt(now) && !event.isCancelled()
                        ? signal.valueAt(event.start(), now).orElse(0)
                        : 0;
        CurrentValueType currentValue = new CurrentValueType();
        currentValue.setPayloadFloat(payloadFloat(current));
        oadr.setCurrentValue(currentValue);
        return oadr;
    }

    private static List<SignalInterval> intervals(Intervals intervals, String field) {
        if (intervals == null) {
            throw new InvalidFieldException(field, "required", null, "is required");
        }
        List<SignalInterval> result = new ArrayList<>();
        List<IntervalType> list = intervals.getInterval();
        for (int i = 0; i < list.size(); i++) {
            IntervalType interval = list.get(i);
            String at = field + "[" + i + "]";
            DurationPropType duration = interval.getDuration();
            if (duration == null) {
                throw new InvalidFieldException(at + ".duration", "required", null, "is required");
            }
            result.add(
                    new SignalInterval(
                            uid(interval.getUid(), i),
                            XcalTime.duration(at + ".duration", duration.getDuration()),
                            value(interval, at)));
        }
        return result;
    }

    /** The interval's uid as a number; OpenADR allows any text, then its position stands in. */
    private static int uid(Uid uid, int position) {
        if (uid == null || uid.getText() == null) {
            return position;
        }
        try {
            return Integer.parseInt(uid.getText().strip());
        } catch (NumberFormatException e) {
            return position;
        }
    }

    private static double value(IntervalType interval, String field) {
        for (JAXBElement<?> payload : interval.getStreamPayloadBase()) {
            if (payload.getValue() instanceof SignalPayloadType signal
                    && signal.getPayloadBase() != null
                    && signal.getPayloadBase().getValue() instanceof PayloadFloatType number) {
                // Through the decimal text, so that 0.245 stays 0.245 and not 0.24500000476...
                return Double.parseDouble(Float.toString(number.getValue()));
            }
        }
        throw new InvalidFieldException(
                field + ".signalPayload", "required", null, "needs a payloadFloat value");
    }

    private static IntervalType interval(SignalInterval interval) {
        IntervalType oadr = new IntervalType();
        DurationPropType duration = new DurationPropType();
        duration.setDuration(XcalTime.text(interval.duration()));
        oadr.setDuration(duration);
        Uid uid = new Uid();
        uid.setText(Integer.toString(interval.uid()));
        oadr.setUid(uid);
        SignalPayloadType payload = new SignalPayloadType();
        payload.setPayloadBase(EI.createPayloadFloat(payloadFloat(interval.value())));
        oadr.getStreamPayloadBase().add(EI.createSignalPayload(payload));
        return oadr;
    }

    private static PayloadFloatType payloadFloat(double value) {
        PayloadFloatType number = new PayloadFloatType();
        number.setValue((float) value);
        return number;
    }

    private static SignalName name(String raw) {
        if (raw == null) {
            return SignalName.OTHER;
        }
        return switch (raw) {
            case "SIMPLE", "simple" -> SignalName.SIMPLE;
            case "ELECTRICITY_PRICE" -> SignalName.ELECTRICITY_PRICE;
            case "LOAD_DISPATCH" -> SignalName.LOAD_DISPATCH;
            default -> SignalName.OTHER;
        };
    }

    private static String signalName(EventSignal signal, String field) {
        if (signal.rawName() != null) {
            return signal.rawName();
        }
        if (signal.name() == SignalName.OTHER) {
            throw new InvalidFieldException(
                    field + ".rawName", "required", null, "is required for a signal named OTHER");
        }
        return signal.name().name();
    }

    private static SignalType type(SignalTypeEnumeratedType type) {
        return switch (type) {
            case LEVEL -> SignalType.LEVEL;
            case PRICE -> SignalType.PRICE;
            case PRICE_RELATIVE -> SignalType.PRICE_RELATIVE;
            case PRICE_MULTIPLIER -> SignalType.PRICE_MULTIPLIER;
            case SETPOINT -> SignalType.SETPOINT;
            case DELTA -> SignalType.DELTA;
            case MULTIPLIER -> SignalType.MULTIPLIER;
            case X_LOAD_CONTROL_CAPACITY,
                    X_LOAD_CONTROL_LEVEL_OFFSET,
                    X_LOAD_CONTROL_PERCENT_OFFSET,
                    X_LOAD_CONTROL_SETPOINT ->
                    SignalType.DELTA_OR_SETPOINT_OTHER;
        };
    }

    private static SignalTypeEnumeratedType signalType(SignalType type, String field) {
        return switch (type) {
            case LEVEL -> SignalTypeEnumeratedType.LEVEL;
            case PRICE -> SignalTypeEnumeratedType.PRICE;
            case PRICE_RELATIVE -> SignalTypeEnumeratedType.PRICE_RELATIVE;
            case PRICE_MULTIPLIER -> SignalTypeEnumeratedType.PRICE_MULTIPLIER;
            case SETPOINT -> SignalTypeEnumeratedType.SETPOINT;
            case DELTA -> SignalTypeEnumeratedType.DELTA;
            case MULTIPLIER -> SignalTypeEnumeratedType.MULTIPLIER;
            case DELTA_OR_SETPOINT_OTHER ->
                    throw new InvalidFieldException(
                            field + ".type",
                            "unsupported",
                            type,
                            "has no single OpenADR signalType (it stands for the four"
                                    + " x-loadControl types, which it does not tell apart)");
        };
    }
}
