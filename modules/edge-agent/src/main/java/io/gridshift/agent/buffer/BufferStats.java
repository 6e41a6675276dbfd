package io.gridshift.agent.buffer;

/**
 * What the buffer holds and what it lost.
 *
 * @param records records appended and not yet committed
 * @param bytes bytes of the segment files on disk
 * @param segments segment files on disk
 * @param droppedRecords uncommitted records dropped since start because the bound was reached
 * @param tornRecords records found torn or corrupt at start (length or CRC) and cut off
 */
public record BufferStats(
        long records, long bytes, int segments, long droppedRecords, long tornRecords) {}
