package io.gridshift.agent.buffer;

import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32C;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounded on-disk store-and-forward of encoded telemetry while the agent is offline. Records
 * (opaque {@code byte[]}, exactly as the codec wrote them, so their original {@code ts} and {@code
 * seq} travel unchanged) go to append-only {@link Segment segment files} with a length and a
 * CRC-32C each, and leave only once the transport confirms them:
 *
 * <pre>
 * for (List&lt;BufferedRecord&gt; batch = buffer.peek(100); !batch.isEmpty(); batch = buffer.peek(100)) {
 *     send(batch);                                            // wait for the broker's confirmation
 *     buffer.commitThrough(batch.get(batch.size() - 1).index());
 * }
 * </pre>
 *
 * Uncommitted records come back after a restart (at-least-once: the aggregator drops duplicates by
 * {@code seq}). Beyond {@link BufferOptions#maxBytes()} the oldest segments are dropped whole and
 * counted; a record torn by a crash is found at the next start by its length or CRC, cut off and
 * counted. When writes are forced to disk is the {@link FsyncPolicy}. Thread-safe.
 */
public final class TelemetryBuffer implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(TelemetryBuffer.class);

    private final Path folder;
    private final BufferOptions options;
    private final CommitCursor cursor;

    /** Oldest first; the last one takes the appends. */
    private final List<Segment> segments = new ArrayList<>();

    private final CRC32C crc = new CRC32C();
    private ByteBuffer frame = ByteBuffer.allocate(4096);

    /** The first record not yet committed, and its byte offset in the first segment. */
    private long readIndex;

    private long readOffset;
    private long nextIndex;
    private long totalBytes;
    private long droppedRecords;
    private long tornRecords;
    private boolean closed;

    private TelemetryBuffer(Path folder, BufferOptions options) {
        this.folder = folder;
        this.options = options;
        this.cursor = new CommitCursor(folder);
    }

    /** Opens (or creates) the buffer in {@code folder}, recovering what a previous run left. */
    public static TelemetryBuffer open(Path folder, BufferOptions options) {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(options, "options");
        TelemetryBuffer buffer = new TelemetryBuffer(folder, options);
        try {
            Files.createDirectories(folder);
            buffer.load();
        } catch (IOException e) {
            buffer.closeQuietly();
            throw unavailable("cannot open the telemetry buffer in " + folder, e);
        }
        return buffer;
    }

    /**
     * Appends one record, dropping the oldest segments first when the bound would be passed.
     *
     * @return the record's index
     */
    public synchronized long append(byte[] payload) {
        requireOpen();
        if (payload.length < 1 || payload.length > options.maxRecordBytes()) {
            throw new IllegalArgumentException(
                    "a record holds 1 to "
                            + options.maxRecordBytes()
                            + " bytes: "
                            + payload.length);
        }
        int recordBytes = Segment.HEADER_BYTES + payload.length;
        try {
            Segment active = segments.isEmpty() ? null : segments.get(segments.size() - 1);
            if (active == null || active.size() + recordBytes > options.segmentBytes()) {
                active = roll(active);
            }
            while (totalBytes + recordBytes > options.maxBytes() && segments.size() > 1) {
                dropOldest();
            }
            active.append(frame(payload));
            totalBytes += recordBytes;
            if (options.fsync() == FsyncPolicy.ALWAYS) {
                active.force();
            }
        } catch (IOException e) {
            throw unavailable("cannot append to the telemetry buffer", e);
        }
        return nextIndex++;
    }

    /** Up to {@code max} of the oldest uncommitted records, in order; removes nothing. */
    public synchronized List<BufferedRecord> peek(int max) {
        requireOpen();
        List<BufferedRecord> out = new ArrayList<>(Math.max(0, Math.min(max, 1024)));
        long index = readIndex;
        long offset = readOffset;
        try {
            for (int i = 0; i < segments.size() && out.size() < max; ) {
                Segment segment = segments.get(i);
                if (index >= segment.endIndex()) {
                    i++;
                    index = i < segments.size() ? segments.get(i).baseIndex() : index;
                    offset = 0;
                    continue;
                }
                int length = segment.lengthAt(offset);
                out.add(new BufferedRecord(index, segment.payloadAt(offset, length)));
                offset += Segment.HEADER_BYTES + length;
                index++;
            }
        } catch (IOException e) {
            throw unavailable("cannot read the telemetry buffer", e);
        }
        return out;
    }

    /**
     * Marks every record up to and including {@code lastIndex} as sent; they never come back.
     * Committing what was committed (or dropped) already does nothing.
     */
    public synchronized void commitThrough(long lastIndex) {
        requireOpen();
        if (lastIndex >= nextIndex) {
            throw new IllegalArgumentException(
                    "record " + lastIndex + " was never appended; the next is " + nextIndex);
        }
        if (lastIndex < readIndex) {
            return;
        }
        try {
            int i = 0;
            long index = readIndex;
            long offset = readOffset;
            while (index <= lastIndex) {
                Segment segment = segments.get(i);
                if (index >= segment.endIndex()) {
                    i++;
                    index = segments.get(i).baseIndex();
                    offset = 0;
                } else if (lastIndex >= segment.endIndex() - 1) {
                    index = segment.endIndex();
                    offset = segment.size();
                } else {
                    offset += Segment.HEADER_BYTES + segment.lengthAt(offset);
                    index++;
                }
            }
            // The cursor first: a crash before the deletes leaves files the next load skips.
            cursor.write(index, options.fsync() == FsyncPolicy.ALWAYS);
            readIndex = index;
            readOffset = offset;
            for (; i > 0; i--) {
                removeFirst();
            }
            releaseExhausted();
        } catch (IOException e) {
            throw unavailable("cannot commit in the telemetry buffer", e);
        }
    }

    /** Forces appended records to the disk; what {@link FsyncPolicy#ON_SYNC} callers call. */
    public synchronized void sync() {
        if (closed || segments.isEmpty()) {
            return;
        }
        try {
            segments.get(segments.size() - 1).force();
        } catch (IOException e) {
            throw unavailable("cannot sync the telemetry buffer", e);
        }
    }

    public synchronized BufferStats stats() {
        long records = 0;
        for (Segment segment : segments) {
            records += segment.count();
        }
        if (!segments.isEmpty()) {
            records -= readIndex - segments.get(0).baseIndex();
        }
        return new BufferStats(records, totalBytes, segments.size(), droppedRecords, tornRecords);
    }

    public synchronized boolean isEmpty() {
        return readIndex == nextIndex;
    }

    /** Syncs (unless the policy is {@link FsyncPolicy#NEVER}) and closes the files. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        if (options.fsync() != FsyncPolicy.NEVER) {
            sync();
        }
        closeQuietly();
    }

    private void load() throws IOException {
        long committed = cursor.read();
        long end = committed;
        for (Path file : segmentFiles()) {
            Segment segment = Segment.open(file, Segment.baseIndexOf(file));
            if (segment.scanAndTrim(options.maxRecordBytes())) {
                tornRecords++;
                LOG.warn("Cut a torn record off {} after {} good ones", file, segment.count());
            }
            boolean overlaps = !segments.isEmpty() && segment.baseIndex() < end;
            if (segment.count() == 0 || segment.endIndex() <= committed || overlaps) {
                segment.delete();
                continue;
            }
            end = segment.endIndex();
            segments.add(segment);
            totalBytes += segment.size();
        }
        nextIndex = end;
        readIndex = segments.isEmpty() ? nextIndex : segments.get(0).baseIndex();
        while (readIndex < committed) {
            readOffset += Segment.HEADER_BYTES + segments.get(0).lengthAt(readOffset);
            readIndex++;
        }
        LOG.info(
                "Telemetry buffer {}: {} records to send, {} torn",
                folder,
                stats().records(),
                tornRecords);
    }

    private List<Path> segmentFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder, "*" + Segment.SUFFIX)) {
            for (Path file : dir) {
                if (Segment.baseIndexOf(file) >= 0) {
                    files.add(file);
                }
            }
        }
        files.sort(Comparator.comparingLong(Segment::baseIndexOf));
        return files;
    }

    private Segment roll(Segment previous) throws IOException {
        if (previous != null && options.fsync() != FsyncPolicy.NEVER) {
            // sync() forces only the last segment; the one left behind must be forced now.
            previous.force();
        }
        Segment next = Segment.create(folder, nextIndex);
        segments.add(next);
        if (options.fsync() == FsyncPolicy.ALWAYS) {
            syncFolder();
        }
        releaseExhausted();
        return next;
    }

    private void dropOldest() throws IOException {
        Segment oldest = segments.get(0);
        long lost = oldest.endIndex() - readIndex;
        droppedRecords += lost;
        LOG.warn("Telemetry buffer full: dropped {} unsent records from {}", lost, oldest.path());
        removeFirst();
        readIndex = segments.get(0).baseIndex();
        readOffset = 0;
    }

    /** Moves past a fully committed first segment, unless it is the one taking appends. */
    private void releaseExhausted() throws IOException {
        while (segments.size() > 1 && readIndex >= segments.get(0).endIndex()) {
            removeFirst();
            readIndex = segments.get(0).baseIndex();
            readOffset = 0;
        }
    }

    private void removeFirst() throws IOException {
        Segment first = segments.remove(0);
        totalBytes -= first.size();
        first.delete();
    }

    private ByteBuffer frame(byte[] payload) {
        int bytes = Segment.HEADER_BYTES + payload.length;
        if (frame.capacity() < bytes) {
            frame = ByteBuffer.allocate(Math.max(bytes, frame.capacity() * 2));
        }
        frame.clear();
        frame.putInt(payload.length);
        frame.putInt(Segment.checksum(crc, payload.length, payload, 0, payload.length));
        frame.put(payload);
        return frame.flip();
    }

    private void syncFolder() {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            LOG.debug("Cannot fsync folder {}: {}", folder, e.toString());
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the telemetry buffer is closed");
        }
    }

    private void closeQuietly() {
        closed = true;
        for (Segment segment : segments) {
            try {
                segment.close();
            } catch (IOException e) {
                LOG.warn("Cannot close {}: {}", segment.path(), e.toString());
            }
        }
    }

    private static GridshiftException unavailable(String message, IOException cause) {
        return new GridshiftException(
                ErrorKind.UNAVAILABLE, "buffer_unavailable", message + ": " + cause, cause);
    }
}
