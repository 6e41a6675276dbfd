package io.gridshift.aggregator.ven;

import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.event.OptType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An opt the VEN sends with {@code oadrCreateOpt}: the fleet (or some of its sites) in or out of
 * events for some windows of time (an availability schedule, e.g. maintenance), or out of one event
 * for some sites (partial availability).
 *
 * @param optId the opt's id, unique for this VEN
 * @param type in or out
 * @param reason one of OpenADR's opt reasons ({@code economic}, {@code emergency}, {@code mustRun},
 *     {@code notParticipating}, {@code outageRunStatus}, {@code overrideStatus}, {@code
 *     participating}, {@code x-schedule}) or an {@code x-} extension
 * @param marketContext the program it concerns; {@code null} for any
 * @param windows when it applies; may be empty only for an opt on one event
 * @param eventId the event it concerns; {@code null} for a schedule
 * @param eventModification that event's modification number
 * @param resourceIds the sites it concerns; empty: the whole fleet
 */
public record OptSchedule(
        String optId,
        OptType type,
        String reason,
        String marketContext,
        List<Window> windows,
        String eventId,
        long eventModification,
        Set<String> resourceIds) {
    static final Set<String> REASONS =
            Set.of(
                    "economic",
                    "emergency",
                    "mustRun",
                    "notParticipating",
                    "outageRunStatus",
                    "overrideStatus",
                    "participating",
                    "x-schedule");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /**
     * One window of an opt.
     *
     * @param start when it starts
     * @param duration how long it lasts
     */
    public record Window(Instant start, Duration duration) {
        public Window {
            if (start == null) {
                throw new InvalidFieldException("windows.start", "required", null, "is required");
            }
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new InvalidFieldException(
                        "windows.duration", "positive", duration, "must be longer than zero");
            }
        }
    }

    public OptSchedule {
        if (optId == null || !ID.matcher(optId).matches()) {
            throw new InvalidFieldException(
                    "optId", "pattern", optId, "must be 1 to 64 of A-Z a-z 0-9 . _ : -");
        }
        if (type == null) {
            throw new InvalidFieldException("type", "required", null, "is required");
        }
        if (reason == null || !(REASONS.contains(reason) || reason.startsWith("x-"))) {
            throw new InvalidFieldException(
                    "reason",
                    "oneOf",
                    reason,
                    "must be one of " + new java.util.TreeSet<>(REASONS) + " or start with x-");
        }
        windows = windows == null ? List.of() : List.copyOf(windows);
        resourceIds = resourceIds == null ? Set.of() : Set.copyOf(resourceIds);
        if (windows.isEmpty() && eventId == null) {
            throw new InvalidFieldException(
                    "windows", "required", null, "are required for an opt on no single event");
        }
    }

    /** An opt-out of {@code eventId} for the sites named: they cannot take part. */
    public static OptSchedule outOfEvent(
            String optId, String eventId, long modification, Set<String> sites) {
        return new OptSchedule(
                optId,
                OptType.OPT_OUT,
                "notParticipating",
                null,
                List.of(),
                eventId,
                modification,
                sites);
    }
}
