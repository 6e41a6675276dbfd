package io.gridshift.optimizer.schedule;

import java.time.Instant;

/** One contiguous piece of a job's run, [start, end) UTC. */
public record Run(Instant start, Instant end) {}
