package io.gridshift.optimizer.signals;

import io.gridshift.domain.Check;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.GridZone;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * A zone's energy price and grid carbon intensity, one value per step from {@code start} (UTC). The
 * same record carries actuals and forecasts: the scheduler plans on a forecast and is scored on the
 * actuals.
 *
 * @param zone the grid zone
 * @param start the first step's start
 * @param step the step length (15 minutes or 1 hour)
 * @param pricePerMwh energy price per step, currency/MWh (may be negative)
 * @param carbonGPerKwh grid carbon intensity per step, gCO2eq/kWh, at least 0
 */
public record ZoneSignal(
        GridZone zone, Instant start, Duration step, double[] pricePerMwh, double[] carbonGPerKwh) {
    /** Prices beyond ±100,000 /MWh are not market prices (caps are in the low thousands). */
    public static final double MAX_PRICE_PER_MWH = 100_000;

    /** The dirtiest generator emits about 1,200 g/kWh. */
    public static final double MAX_CARBON_G_PER_KWH = 5_000;

    public ZoneSignal {
        Check.required("zone", zone);
        Check.required("start", start);
        Check.required("step", step);
        Check.required("pricePerMwh", pricePerMwh);
        Check.required("carbonGPerKwh", carbonGPerKwh);
        if (step.isNegative() || step.isZero() || step.compareTo(Duration.ofHours(1)) > 0) {
            throw new InvalidFieldException("step", "range", step, "must be in (PT0S, PT1H]");
        }
        if (pricePerMwh.length != carbonGPerKwh.length || pricePerMwh.length == 0) {
            throw new InvalidFieldException(
                    "pricePerMwh",
                    "size",
                    pricePerMwh.length,
                    "must have as many steps as carbonGPerKwh (" + carbonGPerKwh.length + "), > 0");
        }
        for (int i = 0; i < pricePerMwh.length; i++) {
            Check.range(
                    "pricePerMwh[" + i + "]",
                    pricePerMwh[i],
                    -MAX_PRICE_PER_MWH,
                    MAX_PRICE_PER_MWH);
            Check.range("carbonGPerKwh[" + i + "]", carbonGPerKwh[i], 0, MAX_CARBON_G_PER_KWH);
        }
    }

    /** Number of steps. */
    public int steps() {
        return pricePerMwh.length;
    }

    /** End of the last step. */
    public Instant end() {
        return start.plus(step.multipliedBy(steps()));
    }

    /** Index of the step holding {@code t}, or -1 outside the series. */
    public int indexOf(Instant t) {
        if (t.isBefore(start) || !t.isBefore(end())) {
            return -1;
        }
        return (int) (Duration.between(start, t).toNanos() / step.toNanos());
    }

    /** Price at {@code t}; throws naming {@code t} when the series does not cover it. */
    public double priceAt(Instant t) {
        return pricePerMwh[covered(t)];
    }

    /** Carbon intensity at {@code t}; throws naming {@code t} when not covered. */
    public double carbonAt(Instant t) {
        return carbonGPerKwh[covered(t)];
    }

    /**
     * The series resampled to {@code slots} slots of {@code slot} from {@code from}: each slot
     * takes the value of the step holding its start (a 15-minute slot inside an hourly step repeats
     * it).
     */
    public ZoneSignal window(Instant from, Duration slot, int slots) {
        double[] p = new double[slots];
        double[] c = new double[slots];
        for (int i = 0; i < slots; i++) {
            int k = covered(from.plus(slot.multipliedBy(i)));
            p[i] = pricePerMwh[k];
            c[i] = carbonGPerKwh[k];
        }
        return new ZoneSignal(zone, from, slot, p, c);
    }

    /**
     * The steps that overlap [from, to), in their own step length (clipped to the series; the whole
     * series when nothing is cut).
     */
    public ZoneSignal slice(Instant from, Instant to) {
        int a =
                from.isAfter(start)
                        ? (int) (Duration.between(start, from).toNanos() / step.toNanos())
                        : 0;
        int b =
                to.isBefore(end())
                        ? (int)
                                ((Duration.between(start, to).toNanos() + step.toNanos() - 1)
                                        / step.toNanos())
                        : steps();
        if (a == 0 && b == steps()) {
            return this;
        }
        if (a >= b) {
            throw new InvalidFieldException(
                    "signals[" + zone + "]",
                    "range",
                    from,
                    "must overlap "
                            + from
                            + " to "
                            + to
                            + " (series runs "
                            + start
                            + " to "
                            + end()
                            + ")");
        }
        return new ZoneSignal(
                zone,
                start.plus(step.multipliedBy(a)),
                step,
                Arrays.copyOfRange(pricePerMwh, a, b),
                Arrays.copyOfRange(carbonGPerKwh, a, b));
    }

    private int covered(Instant t) {
        int k = indexOf(t);
        if (k < 0) {
            throw new InvalidFieldException(
                    "signals[" + zone + "]",
                    "range",
                    t,
                    "must cover " + t + " (series runs " + start + " to " + end() + ")");
        }
        return k;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ZoneSignal s
                && zone.equals(s.zone)
                && start.equals(s.start)
                && step.equals(s.step)
                && Arrays.equals(pricePerMwh, s.pricePerMwh)
                && Arrays.equals(carbonGPerKwh, s.carbonGPerKwh);
    }

    @Override
    public int hashCode() {
        return zone.hashCode() * 31 + start.hashCode() + Arrays.hashCode(carbonGPerKwh);
    }

    @Override
    public String toString() {
        return "ZoneSignal[" + zone + ", " + start + ", " + step + " x " + steps() + "]";
    }
}
