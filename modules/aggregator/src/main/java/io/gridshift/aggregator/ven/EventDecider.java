package io.gridshift.aggregator.ven;

import io.gridshift.domain.event.EventSignal;
import io.gridshift.domain.event.GridEvent;
import io.gridshift.domain.event.OptType;
import io.gridshift.domain.event.SignalInterval;
import io.gridshift.domain.event.SignalName;
import io.gridshift.domain.event.SignalType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Whether the fleet takes part in an event. It opts in when the flexibility of the part of the
 * fleet the event addresses, less what higher-priority overlapping events already take, covers the
 * event's largest requested reduction; otherwise it opts out, saying why. A cancelled event is
 * acknowledged (opt in: the VEN has taken note); a test event is acknowledged and never dispatched;
 * an event addressed to other VENs only is opted out of.
 *
 * <p>The requested reduction comes from the LOAD_DISPATCH signals: a DELTA asks to shed {@code
 * -value} kW, a SETPOINT asks the load down to {@code value} kW (from the scope's load now). An
 * event with only SIMPLE levels or prices asks for no number: any flexibility covers it.
 */
public final class EventDecider {
    /**
     * The answer to one event.
     *
     * @param opt opt in or out
     * @param reason why, for the log and the operators
     * @param requestedKw the reduction the event asks for (0 when it names none)
     * @param unavailableSites sites the event names that cannot take part (offline, unknown or
     *     without flexibility): opted out of it with {@code oadrCreateOpt} when the fleet opts in
     */
    public record Decision(
            OptType opt, String reason, double requestedKw, Set<String> unavailableSites) {
        public Decision {
            unavailableSites = Set.copyOf(unavailableSites);
        }

        public Decision(OptType opt, String reason, double requestedKw) {
            this(opt, reason, requestedKw, Set.of());
        }
    }

    /**
     * @param scope the part of the fleet the event addresses
     * @param committedKw the reduction higher-priority overlapping events already take from it
     */
    public Decision decide(GridEvent event, EventScope scope, double committedKw) {
        if (event.isCancelled()) {
            return new Decision(OptType.OPT_IN, "cancellation acknowledged", 0);
        }
        if (!scope.addressed()) {
            return new Decision(OptType.OPT_OUT, scope.what(), 0);
        }
        OptionalDouble requested = requestedReductionKw(event, scope.loadKw());
        double kw = requested.orElse(0);
        if (event.testEvent()) {
            return new Decision(OptType.OPT_IN, "test event: acknowledged, not dispatched", kw);
        }
        double available = Math.max(0, scope.flexKw() - committedKw);
        String has =
                scope.what()
                        + " flexibility "
                        + kw(available)
                        + " kW"
                        + (committedKw > 0
                                ? " (" + kw(committedKw) + " kW taken by higher-priority events)"
                                : "");
        if (requested.isEmpty()) {
            return available > 0
                    ? new Decision(
                            OptType.OPT_IN, "no kW requested; " + has, 0, scope.unavailableSites())
                    : new Decision(OptType.OPT_OUT, "no flexibility now: " + has, 0);
        }
        if (kw <= available) {
            return new Decision(
                    OptType.OPT_IN,
                    has + " covers the " + kw(kw) + " kW requested",
                    kw,
                    scope.unavailableSites());
        }
        return new Decision(
                OptType.OPT_OUT, has + " does not cover the " + kw(kw) + " kW requested", kw);
    }

    /**
     * The opt decision by the bid: the event's requested reduction per interval against the firm kW
     * per interval (the {@link io.gridshift.optimizer.Bidder}'s, at 95 % confidence) less what
     * higher-priority overlapping events take. Opts in when every interval is covered; otherwise
     * opts out, naming the first interval short. Without a firm kW for each interval (no bid, or an
     * event that names no kW) it decides by flexibility as {@link #decide(GridEvent, EventScope,
     * double)}.
     *
     * @param firmKw the firm kW per interval of the event; empty: no bid
     */
    public Decision decide(
            GridEvent event, EventScope scope, double committedKw, List<Double> firmKw) {
        List<Double> asked = requestedPerIntervalKw(event, scope.loadKw());
        if (event.isCancelled()
                || !scope.addressed()
                || event.testEvent()
                || asked.isEmpty()
                || firmKw.size() != asked.size()) {
            return decide(event, scope, committedKw);
        }
        double kw = asked.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        for (int t = 0; t < asked.size(); t++) {
            double firm = Math.max(0, firmKw.get(t) - committedKw);
            if (asked.get(t) > firm + 1e-6) {
                return new Decision(
                        OptType.OPT_OUT,
                        String.format(
                                Locale.ROOT,
                                "%s firm %.1f kW (95 %% confidence%s) in interval %d does not"
                                        + " cover the %.1f kW requested",
                                scope.what(),
                                firm,
                                committedKw > 0
                                        ? ", less "
                                                + kw(committedKw)
                                                + " kW taken by"
                                                + " higher-priority events"
                                        : "",
                                t,
                                asked.get(t)),
                        kw);
            }
        }
        double least = Double.MAX_VALUE;
        for (int t = 0; t < asked.size(); t++) {
            least = Math.min(least, firmKw.get(t) - committedKw);
        }
        return new Decision(
                OptType.OPT_IN,
                String.format(
                        Locale.ROOT,
                        "%s firm %.1f kW or more (95 %% confidence) covers the %.1f kW requested"
                                + " in each of its %d intervals",
                        scope.what(),
                        least,
                        kw,
                        asked.size()),
                kw,
                scope.unavailableSites());
    }

    /**
     * The reduction, in kW, each interval of the event's first LOAD_DISPATCH signal in a power unit
     * (DELTA or SETPOINT) asks for (0 or more); empty when it has none.
     *
     * @param loadKw the load now, from which a setpoint is reached
     */
    public static List<Double> requestedPerIntervalKw(GridEvent event, double loadKw) {
        List<Double> out = new ArrayList<>();
        kwSignal(event)
                .ifPresent(
                        signal -> {
                            double scale = kwPerUnit(signal.unit()).getAsDouble();
                            for (SignalInterval interval : signal.intervals()) {
                                double value = interval.value() * scale;
                                out.add(
                                        Math.max(
                                                0,
                                                signal.type() == SignalType.DELTA
                                                        ? -value
                                                        : loadKw - value));
                            }
                        });
        return out;
    }

    /** The event's first LOAD_DISPATCH signal in a power unit, DELTA or SETPOINT. */
    public static java.util.Optional<EventSignal> kwSignal(GridEvent event) {
        return event.signals().stream()
                .filter(s -> s.name() == SignalName.LOAD_DISPATCH)
                .filter(s -> kwPerUnit(s.unit()).isPresent())
                .filter(s -> s.type() == SignalType.DELTA || s.type() == SignalType.SETPOINT)
                .findFirst();
    }

    /**
     * The largest reduction, in kW, that the event's LOAD_DISPATCH signals ask for (0 or more);
     * empty when it has none in a power unit.
     *
     * @param loadKw the fleet's load now, from which a setpoint is reached
     */
    public static OptionalDouble requestedReductionKw(GridEvent event, double loadKw) {
        OptionalDouble largest = OptionalDouble.empty();
        for (EventSignal signal : event.signals()) {
            if (signal.name() != SignalName.LOAD_DISPATCH) {
                continue;
            }
            OptionalDouble scale = kwPerUnit(signal.unit());
            if (scale.isEmpty()
                    || (signal.type() != SignalType.DELTA
                            && signal.type() != SignalType.SETPOINT)) {
                continue;
            }
            for (SignalInterval interval : signal.intervals()) {
                double value = interval.value() * scale.getAsDouble();
                double reduction = signal.type() == SignalType.DELTA ? -value : loadKw - value;
                double r = Math.max(0, reduction);
                if (largest.isEmpty() || r > largest.getAsDouble()) {
                    largest = OptionalDouble.of(r);
                }
            }
        }
        return largest;
    }

    /** kW per unit of a power unit text; kW when none is given. */
    static OptionalDouble kwPerUnit(String unit) {
        if (unit == null) {
            return OptionalDouble.of(1);
        }
        return switch (unit) {
            case "W" -> OptionalDouble.of(0.001);
            case "kW" -> OptionalDouble.of(1);
            case "MW" -> OptionalDouble.of(1_000);
            case "GW" -> OptionalDouble.of(1_000_000);
            default -> OptionalDouble.empty();
        };
    }

    private static String kw(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
