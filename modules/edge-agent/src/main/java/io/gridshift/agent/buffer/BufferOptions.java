package io.gridshift.agent.buffer;

import java.util.Objects;

/**
 * How large the telemetry buffer may grow and how it reaches the disk.
 *
 * @param maxBytes bound on the buffer's files; beyond it the oldest segments are dropped whole.
 *     Default 64 MiB (days of one reading a second).
 * @param segmentBytes size at which a segment file is closed and a new one begun; the unit in which
 *     old records are dropped, and the largest record ({@link #maxRecordBytes()}). At most half of
 *     {@code maxBytes}. Default 1 MiB.
 * @param fsync when writes are forced to the disk. Default {@link FsyncPolicy#ON_SYNC}.
 */
public record BufferOptions(long maxBytes, int segmentBytes, FsyncPolicy fsync) {
    public static final long DEFAULT_MAX_BYTES = 64L << 20;
    public static final int DEFAULT_SEGMENT_BYTES = 1 << 20;

    /** Small enough to test drops with a handful of records, large enough for one reading. */
    public static final int MIN_SEGMENT_BYTES = 64;

    public BufferOptions {
        Objects.requireNonNull(fsync, "fsync");
        if (segmentBytes < MIN_SEGMENT_BYTES) {
            throw new IllegalArgumentException(
                    "segmentBytes must be at least " + MIN_SEGMENT_BYTES + ": " + segmentBytes);
        }
        if (maxBytes < 2L * segmentBytes) {
            throw new IllegalArgumentException(
                    "maxBytes must hold at least two segments: "
                            + maxBytes
                            + " < 2 x "
                            + segmentBytes);
        }
    }

    public static BufferOptions defaults() {
        return new BufferOptions(DEFAULT_MAX_BYTES, DEFAULT_SEGMENT_BYTES, FsyncPolicy.ON_SYNC);
    }

    /** The largest payload one record may carry. */
    public int maxRecordBytes() {
        return segmentBytes - Segment.HEADER_BYTES;
    }
}
