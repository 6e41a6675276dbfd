package io.gridshift.storage.baseline;

import io.gridshift.domain.error.InvalidFieldException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The baselines a program may choose, by name; {@link #standard()} holds the four built in. */
public final class Baselines {
    /**
     * PJM-style: high 4 of the 5 most recent eligible weekdays in 45 days; symmetric additive
     * adjustment over the 3 hours that end 1 hour before the event.
     */
    public static final String PJM = "pjm-high-4-of-5";

    /**
     * CAISO-style: all 10 of the 10 most recent eligible weekdays in 45 days; ratio adjustment over
     * the 3 hours that end 1 hour before the event, held within ±20 %.
     */
    public static final String CAISO = "caiso-10-of-10";

    /**
     * The mean of the 10 most recent eligible weekdays in 45 days, additive adjustment (no cap)
     * over the 3 hours that end 1 hour before the event.
     */
    public static final String WEEKDAY_10 = "weekday-10-additive";

    /** Meter-before/meter-after: 30 minutes before the start, 30 minutes after the recovery. */
    public static final String METER_BEFORE_AFTER = "meter-before-after";

    private final Map<String, Baseline> byName = new TreeMap<>();

    public static Baselines standard() {
        Duration window = Duration.ofHours(3);
        Duration offset = Duration.ofHours(1);
        return new Baselines()
                .register(new HighXofYBaseline(PJM, 4, 5, 45, Adjustment.additive(window, offset)))
                .register(
                        new HighXofYBaseline(
                                CAISO, 10, 10, 45, Adjustment.ratio(0.2, window, offset)))
                .register(
                        new HighXofYBaseline(
                                WEEKDAY_10, 10, 10, 45, Adjustment.additive(window, offset)))
                .register(
                        new MeterBeforeAfterBaseline(
                                METER_BEFORE_AFTER,
                                Duration.ofMinutes(30),
                                Duration.ofMinutes(30)));
    }

    /** Adds or replaces a method under its name. */
    public Baselines register(Baseline b) {
        byName.put(b.name(), b);
        return this;
    }

    public Baseline byName(String name) {
        Baseline b = byName.get(name);
        if (b == null) {
            throw new InvalidFieldException(
                    "baselineMethod", "pattern", name, "must be one of " + byName.keySet());
        }
        return b;
    }

    public Set<String> names() {
        return byName.keySet();
    }
}
