package io.gridshift.vtn.event;

import io.gridshift.domain.event.GridEvent;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An event as the VTN keeps it (its latest modification), where it stands with each VEN, and every
 * opt response received, per modification.
 *
 * @param modifiedAt when the latest modification was made (its {@code modificationDateTime}); the
 *     creation time for modification 0
 */
public record StoredEvent(
        GridEvent event,
        List<VenEventState> vens,
        Instant modifiedAt,
        List<EventResponse> responses) {
    public StoredEvent {
        Objects.requireNonNull(event, "event");
        vens = List.copyOf(vens);
        modifiedAt = modifiedAt == null ? event.createdAt() : modifiedAt;
        responses = List.copyOf(responses);
    }

    public StoredEvent(GridEvent event, List<VenEventState> vens) {
        this(event, vens, event.createdAt(), List.of());
    }
}
