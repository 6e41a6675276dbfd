package io.gridshift.agent.buffer;

/**
 * When {@link TelemetryBuffer} forces its writes to the disk. Every append is handed to the
 * operating system at once whatever the policy, so a crash of the agent process alone loses
 * nothing; the policy decides what a power cut or kernel crash may cost. A record torn by such a
 * crash fails its length or CRC check at the next start and is dropped and counted.
 */
public enum FsyncPolicy {
    /**
     * fsync after every append and every commit: nothing acknowledged is lost, at the price of one
     * disk flush per reading (fine at one reading a second, slow in bulk).
     */
    ALWAYS,
    /**
     * fsync only when the caller calls {@link TelemetryBuffer#sync()}, typically from its scheduler
     * every N ms: at most the last N ms of readings are at risk on a power cut.
     */
    ON_SYNC,
    /** Never fsync; the operating system writes back when it likes (usually within ~30 s). */
    NEVER
}
