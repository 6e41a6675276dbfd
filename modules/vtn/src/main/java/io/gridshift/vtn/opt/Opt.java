package io.gridshift.vtn.opt;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An opt schedule a VEN sent ({@code oadrCreateOpt}): when it is, or is not, available for events,
 * for which targets, or its opt-in/out of one event.
 *
 * @param optType {@code optIn} or {@code optOut}
 * @param optReason e.g. {@code notParticipating}, {@code x-schedule}
 * @param eventId the event it answers, if it is about one; null for a schedule
 * @param modificationNumber the event's modification number; null without an event
 * @param windows the availability windows ({@code vavailability}); empty for an event's opt
 * @param resourceIds the resources it concerns ({@code eiTarget}); the other kinds likewise
 * @param cancelled whether the VEN cancelled it ({@code oadrCancelOpt})
 */
public record Opt(
        String optId,
        String venId,
        String optType,
        String optReason,
        String marketContext,
        String eventId,
        Long modificationNumber,
        List<Window> windows,
        Set<String> resourceIds,
        Set<String> groupIds,
        Set<String> partyIds,
        Set<String> venIds,
        Instant createdAt,
        Instant receivedAt,
        boolean cancelled) {
    /** One availability window. */
    public record Window(Instant start, Duration duration) {}

    public Opt {
        windows = List.copyOf(windows);
        resourceIds = Set.copyOf(resourceIds);
        groupIds = Set.copyOf(groupIds);
        partyIds = Set.copyOf(partyIds);
        venIds = Set.copyOf(venIds);
    }

    Opt asCancelled() {
        return new Opt(
                optId,
                venId,
                optType,
                optReason,
                marketContext,
                eventId,
                modificationNumber,
                windows,
                resourceIds,
                groupIds,
                partyIds,
                venIds,
                createdAt,
                receivedAt,
                true);
    }
}
