package io.gridshift.aggregator.ven;

import io.gridshift.aggregator.fleet.FleetSummary;
import io.gridshift.domain.event.EventSignal;
import io.gridshift.domain.event.GridEvent;
import io.gridshift.domain.event.OptType;
import io.gridshift.domain.event.SignalInterval;
import io.gridshift.domain.event.SignalName;
import io.gridshift.domain.event.SignalType;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Whether the fleet takes part in an event. It opts in when the fleet's flexibility now covers the
 * event's largest requested reduction and the event is not a test; otherwise it opts out, saying
 * why. A cancelled event is acknowledged (opt in: the VEN has taken note).
 *
 * <p>The requested reduction comes from the LOAD_DISPATCH signals: a DELTA asks to shed {@code
 * -value} kW, a SETPOINT asks the load down to {@code value} kW (from the fleet's load now). An
 * event with only SIMPLE levels asks for no number: any flexibility covers it.
 */
public final class EventDecider {
    /**
     * The answer to one event.
     *
     * @param opt opt in or out
     * @param reason why, for the log and the operators
     */
    public record Decision(OptType opt, String reason) {}

    public Decision decide(GridEvent event, FleetSummary fleet) {
        if (event.isCancelled()) {
            return new Decision(OptType.OPT_IN, "cancellation acknowledged");
        }
        if (event.testEvent()) {
            return new Decision(OptType.OPT_OUT, "test event: acknowledged, not dispatched");
        }
        double flex = fleet.flexKw();
        OptionalDouble requested = requestedReductionKw(event, fleet.loadKw());
        if (requested.isEmpty()) {
            return flex > 0
                    ? new Decision(
                            OptType.OPT_IN,
                            "no kW requested; fleet flexibility " + kw(flex) + " kW")
                    : new Decision(OptType.OPT_OUT, "the fleet has no flexibility now");
        }
        double kw = requested.getAsDouble();
        if (kw <= flex) {
            return new Decision(
                    OptType.OPT_IN,
                    "fleet flexibility " + kw(flex) + " kW covers the " + kw(kw) + " kW requested");
        }
        return new Decision(
                OptType.OPT_OUT,
                "fleet flexibility "
                        + kw(flex)
                        + " kW does not cover the "
                        + kw(kw)
                        + " kW requested");
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
