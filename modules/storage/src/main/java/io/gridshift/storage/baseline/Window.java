package io.gridshift.storage.baseline;

import java.time.Instant;

/** A time range {@code [from, to)} of meter data a baseline reads. */
public record Window(Instant from, Instant to) {}
