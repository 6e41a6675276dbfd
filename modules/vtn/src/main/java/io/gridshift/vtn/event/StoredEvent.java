package io.gridshift.vtn.event;

import io.gridshift.domain.event.GridEvent;
import java.util.List;
import java.util.Objects;

/** An event as the VTN keeps it (its latest modification), and where it stands with each VEN. */
public record StoredEvent(GridEvent event, List<VenEventState> vens) {
    public StoredEvent {
        Objects.requireNonNull(event, "event");
        vens = List.copyOf(vens);
    }
}
