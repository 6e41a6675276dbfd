package io.gridshift.aggregator.ven;

import io.gridshift.domain.event.GridEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * When the fleet acts on an event: its start moved by the VEN's random offset within the event's
 * {@code startafter} tolerance (OpenADR randomization, so that many VENs do not switch at the same
 * second), with the ramp-up period before it and the recovery period after its end.
 *
 * <p>The offset is drawn from the event id, its modification number and the venID, so that a
 * restarted VEN draws the same offset for the same event, and different VENs different ones.
 *
 * @param rampFrom when to start ramping towards the event's levels
 * @param start the randomized start
 * @param end the randomized end (start plus the event's duration)
 * @param recoverUntil until when to return to normal, no faster
 * @param offset the random offset drawn
 */
public record EventWindow(
        Instant rampFrom, Instant start, Instant end, Instant recoverUntil, Duration offset) {

    public static EventWindow of(GridEvent event, String venId) {
        Duration offset = Duration.ZERO;
        long tolerance = event.startAfter().toMillis();
        if (tolerance > 0) {
            long seed =
                    31L * (31L * event.id().value().hashCode() + event.modificationNumber())
                            + (venId == null ? 0 : venId.hashCode());
            offset = Duration.ofMillis(new SplittableRandom(seed).nextLong(tolerance));
        }
        Instant start = event.start().plus(offset);
        Instant end = start.plus(event.duration());
        return new EventWindow(
                start.minus(event.rampUp()), start, end, end.plus(event.recovery()), offset);
    }

    /** Whether the two windows share an instant, ramp-up and recovery included. */
    public boolean overlaps(EventWindow other) {
        return rampFrom.isBefore(other.recoverUntil) && other.rampFrom.isBefore(recoverUntil);
    }
}
