package io.gridshift.agent.buffer;

import java.util.Arrays;
import java.util.Objects;

/**
 * One record read back from the buffer. Equal by value, payload bytes included.
 *
 * @param index its position in the buffer's history: rises by one per append and never repeats,
 *     even across restarts; pass it to {@link TelemetryBuffer#commitThrough(long)} once sent
 * @param payload the bytes exactly as appended
 */
public record BufferedRecord(long index, byte[] payload) {
    public BufferedRecord {
        Objects.requireNonNull(payload, "payload");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BufferedRecord r
                && r.index == index
                && Arrays.equals(r.payload, payload);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(index) + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "BufferedRecord[index=" + index + ", " + payload.length + " bytes]";
    }
}
