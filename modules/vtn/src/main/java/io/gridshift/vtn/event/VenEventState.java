package io.gridshift.vtn.event;

import io.gridshift.domain.event.OptType;
import java.time.Instant;
import java.util.Optional;

/**
 * Where one event stands with one VEN.
 *
 * @param delivered the modification number last sent to the VEN; -1 if never
 * @param acknowledged the modification number the VEN has acknowledged (by its opt response, or by
 *     receiving an event that needs no response); -1 if none
 * @param opt the VEN's last opt response; null if none
 * @param optModificationNumber the modification number that response was for; -1 if none
 * @param respondedAt when it responded; null if never
 */
public record VenEventState(
        String venId,
        long delivered,
        long acknowledged,
        OptType opt,
        long optModificationNumber,
        Instant respondedAt) {
    /** A VEN that has seen nothing of the event yet. */
    public static VenEventState none(String venId) {
        return new VenEventState(venId, -1, -1, null, -1, null);
    }

    public Optional<OptType> optType() {
        return Optional.ofNullable(opt);
    }

    VenEventState delivered(long modificationNumber, boolean acknowledges) {
        return new VenEventState(
                venId,
                modificationNumber,
                acknowledges ? Math.max(acknowledged, modificationNumber) : acknowledged,
                opt,
                optModificationNumber,
                respondedAt);
    }

    VenEventState responded(OptType type, long modificationNumber, Instant at) {
        return new VenEventState(
                venId,
                delivered,
                Math.max(acknowledged, modificationNumber),
                type,
                modificationNumber,
                at);
    }
}
