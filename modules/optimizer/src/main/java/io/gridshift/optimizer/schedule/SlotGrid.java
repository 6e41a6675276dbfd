package io.gridshift.optimizer.schedule;

import io.gridshift.domain.Check;
import io.gridshift.domain.error.InvalidFieldException;
import java.time.Duration;
import java.time.Instant;

/**
 * The plan's time axis: {@code slots} slots of {@code slot} (15 minutes or 1 hour) from {@code
 * start} (UTC, on a slot boundary), at most 48 hours.
 */
public record SlotGrid(Instant start, Duration slot, int slots) {
    public static final Duration MAX_HORIZON = Duration.ofHours(48);

    public SlotGrid {
        Check.required("grid.start", start);
        Check.required("grid.slot", slot);
        if (!slot.equals(Duration.ofMinutes(15)) && !slot.equals(Duration.ofHours(1))) {
            throw new InvalidFieldException("grid.slot", "range", slot, "must be PT15M or PT1H");
        }
        if (start.getEpochSecond() % slot.toSeconds() != 0 || start.getNano() != 0) {
            throw new InvalidFieldException(
                    "grid.start", "pattern", start, "must be on a " + slot + " boundary");
        }
        Check.range("grid.slots", slots, 1, MAX_HORIZON.dividedBy(slot));
    }

    public static SlotGrid quarterHours(Instant start, int hours) {
        return new SlotGrid(start, Duration.ofMinutes(15), hours * 4);
    }

    public static SlotGrid hours(Instant start, int hours) {
        return new SlotGrid(start, Duration.ofHours(1), hours);
    }

    public Instant end() {
        return at(slots);
    }

    /** Start of slot {@code i} ({@code slots} gives the end). */
    public Instant at(int i) {
        return start.plus(slot.multipliedBy(i));
    }

    public double slotHours() {
        return slot.toSeconds() / 3600.0;
    }

    /** First slot starting at or after {@code t} (may be {@code slots} or more, or negative). */
    public int ceil(Instant t) {
        long ms = Duration.between(start, t).toMillis();
        return (int) Math.floorDiv(ms + slot.toMillis() - 1, slot.toMillis());
    }

    /** Last slot boundary at or before {@code t}. */
    public int floor(Instant t) {
        return (int) Math.floorDiv(Duration.between(start, t).toMillis(), slot.toMillis());
    }

    /** Whole slots a run of {@code d} takes (rounded up). */
    public int slotsFor(Duration d) {
        return (int) ((d.toSeconds() + slot.toSeconds() - 1) / slot.toSeconds());
    }
}
