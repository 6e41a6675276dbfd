package io.gridshift.agent;

import io.gridshift.agent.buffer.BufferOptions;
import java.nio.file.Path;

/**
 * Where the agent keeps what must survive a restart, under one data folder: the telemetry buffer,
 * the orders written ahead, and the sequence-number reservation.
 *
 * @param root the data folder
 * @param bufferOptions bound and fsync policy of the telemetry buffer
 */
public record AgentFolders(Path root, BufferOptions bufferOptions) {
    public Path buffer() {
        return root.resolve("telemetry-buffer");
    }

    public Path orders() {
        return root.resolve("orders");
    }

    /** The day-ahead plan version applied and its ack ({@code PlanJournal}). */
    public Path plan() {
        return root.resolve("plan.journal");
    }

    public Path sequence() {
        return root.resolve("telemetry.seq");
    }
}
