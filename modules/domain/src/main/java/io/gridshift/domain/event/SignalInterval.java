package io.gridshift.domain.event;

import io.gridshift.domain.Check;
import java.time.Duration;

/**
 * One interval of a signal; the intervals of a signal follow one another from the event's start.
 *
 * @param uid the interval's number within the signal (OpenADR {@code uid})
 * @param duration how long it lasts
 * @param value the signal's value during it
 */
public record SignalInterval(int uid, Duration duration, double value) {
    public SignalInterval {
        Check.range("uid", uid, 0, Integer.MAX_VALUE);
        Check.duration("duration", duration, Duration.ofDays(7));
        Check.range("value", value, -1e12, 1e12);
    }
}
