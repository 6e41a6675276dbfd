package io.gridshift.vtn.event;

import io.gridshift.domain.event.OptType;
import java.time.Instant;

/** One opt response a VEN sent for one modification of an event ({@code oadrCreatedEvent}). */
public record EventResponse(String venId, long modificationNumber, OptType opt, Instant at) {}
