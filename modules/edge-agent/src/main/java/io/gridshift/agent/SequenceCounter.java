package io.gridshift.agent;

import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Telemetry sequence numbers that keep rising across restarts, because the aggregator drops a
 * reading whose {@code seq} it has seen. Numbers are reserved on disk a block at a time; a crash
 * skips the rest of the block, which the aggregator sees as a gap, never as a duplicate.
 */
final class SequenceCounter {
    static final long BLOCK = 100_000;

    private final Path file;
    private long next;
    private long reservedUntil;

    SequenceCounter(Path file) {
        this.file = file;
        long start = 0;
        try {
            if (Files.exists(file)) {
                start = Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).strip());
            }
        } catch (IOException | NumberFormatException e) {
            throw new GridshiftException(
                    ErrorKind.INTERNAL, "state_unreadable", "cannot read " + file + ": " + e, e);
        }
        this.next = start;
        reserve(start + BLOCK);
    }

    synchronized long next() {
        if (next >= reservedUntil) {
            reserve(next + BLOCK);
        }
        return next++;
    }

    private void reserve(long until) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, Long.toString(until), StandardCharsets.UTF_8);
            Files.move(
                    tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new GridshiftException(
                    ErrorKind.INTERNAL, "state_unwritable", "cannot write " + file + ": " + e, e);
        }
        reservedUntil = until;
    }
}
