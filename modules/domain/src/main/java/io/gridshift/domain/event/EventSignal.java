package io.gridshift.domain.event;

import io.gridshift.domain.Check;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One signal of a grid event.
 *
 * @param id the signal's id (OpenADR {@code signalID})
 * @param name what it means
 * @param rawName the name as sent, kept when {@code name} is {@link SignalName#OTHER}
 * @param type how to read its values
 * @param unit the unit of the values, e.g. {@code kW}, {@code USD/kWh}; {@code null} for levels
 * @param intervals the values, back to back from the event's start
 */
public record EventSignal(
        String id,
        SignalName name,
        String rawName,
        SignalType type,
        String unit,
        List<SignalInterval> intervals) {
    public EventSignal {
        Check.text("signalId", Check.required("signalId", id));
        Check.required("signalName", name);
        Check.text("rawName", rawName);
        Check.required("signalType", type);
        Check.text("unit", unit);
        intervals = List.copyOf(Check.size("intervals", intervals, 1, Check.MAX_LIST_SIZE));
    }

    /** Total length of the intervals. */
    public Duration duration() {
        Duration total = Duration.ZERO;
        for (SignalInterval i : intervals) {
            total = total.plus(i.duration());
        }
        return total;
    }

    /** The value in force at {@code t} for a signal that starts at {@code start}. */
    public OptionalDouble valueAt(Instant start, Instant t) {
        if (t.isBefore(start)) {
            return OptionalDouble.empty();
        }
        Instant intervalStart = start;
        for (SignalInterval i : intervals) {
            Instant intervalEnd = intervalStart.plus(i.duration());
            if (t.isBefore(intervalEnd)) {
                return OptionalDouble.of(i.value());
            }
            intervalStart = intervalEnd;
        }
        return OptionalDouble.empty();
    }
}
