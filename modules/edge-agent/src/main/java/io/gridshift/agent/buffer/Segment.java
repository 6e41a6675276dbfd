package io.gridshift.agent.buffer;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * One append-only file of the telemetry buffer, named after the index of its first record ({@code
 * 00000000000000000042.seg}). A record is a 4-byte big-endian payload length, a 4-byte CRC-32C over
 * that length and the payload, then the payload. The CRC covers the length too, so a torn write
 * that left zeros behind never reads as a valid record. Not thread-safe: the buffer calls it under
 * its own lock.
 */
final class Segment implements Closeable {
    static final int HEADER_BYTES = 8;
    static final String SUFFIX = ".seg";

    private final long baseIndex;
    private final Path path;
    private final FileChannel channel;
    private final ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
    private int count;
    private long size;

    private Segment(long baseIndex, Path path, FileChannel channel) {
        this.baseIndex = baseIndex;
        this.path = path;
        this.channel = channel;
    }

    static Path pathOf(Path folder, long baseIndex) {
        return folder.resolve(String.format("%020d%s", baseIndex, SUFFIX));
    }

    /** The base index in a segment file's name, or -1 when the name is not a segment's. */
    static long baseIndexOf(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(SUFFIX) || name.length() != 20 + SUFFIX.length()) {
            return -1;
        }
        try {
            return Long.parseLong(name.substring(0, 20));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static Segment create(Path folder, long baseIndex) throws IOException {
        Path path = pathOf(folder, baseIndex);
        return new Segment(
                baseIndex,
                path,
                FileChannel.open(
                        path,
                        StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.READ,
                        StandardOpenOption.WRITE));
    }

    static Segment open(Path path, long baseIndex) throws IOException {
        return new Segment(
                baseIndex,
                path,
                FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE));
    }

    /**
     * Checks every record of a segment just opened and learns its count and size. The file is cut
     * at the first record whose length or CRC is wrong: after a crash that is the torn tail, and
     * what follows a corrupt length cannot be framed anyway.
     *
     * @return whether a torn or corrupt record was cut off
     */
    boolean scanAndTrim(int maxRecordBytes) throws IOException {
        long fileSize = channel.size();
        CRC32C crc = new CRC32C();
        ByteBuffer payload = ByteBuffer.allocate(0);
        while (size + HEADER_BYTES <= fileSize) {
            readFully(header.clear(), size);
            int length = header.getInt(0);
            if (length < 1 || length > maxRecordBytes || size + HEADER_BYTES + length > fileSize) {
                break;
            }
            if (payload.capacity() < length) {
                payload = ByteBuffer.allocate(length);
            }
            readFully(payload.clear().limit(length), size + HEADER_BYTES);
            if (checksum(crc, length, payload.array(), 0, length) != header.getInt(4)) {
                break;
            }
            size += HEADER_BYTES + length;
            count++;
        }
        if (size < fileSize) {
            channel.truncate(size);
            return true;
        }
        return false;
    }

    static int checksum(CRC32C crc, int length, byte[] payload, int offset, int len) {
        crc.reset();
        crc.update(length >>> 24);
        crc.update(length >>> 16);
        crc.update(length >>> 8);
        crc.update(length);
        crc.update(payload, offset, len);
        return (int) crc.getValue();
    }

    long baseIndex() {
        return baseIndex;
    }

    /** The index the next record of this segment would get. */
    long endIndex() {
        return baseIndex + count;
    }

    int count() {
        return count;
    }

    long size() {
        return size;
    }

    Path path() {
        return path;
    }

    /** Appends one framed record ({@link #HEADER_BYTES} and payload) with a single write. */
    void append(ByteBuffer framed) throws IOException {
        long pos = size;
        int bytes = framed.remaining();
        while (framed.hasRemaining()) {
            pos += channel.write(framed, pos);
        }
        size += bytes;
        count++;
    }

    /** The payload length of the record at {@code offset}, which the load checked. */
    int lengthAt(long offset) throws IOException {
        readFully(header.clear(), offset);
        return header.getInt(0);
    }

    byte[] payloadAt(long offset, int length) throws IOException {
        ByteBuffer payload = ByteBuffer.allocate(length);
        readFully(payload, offset + HEADER_BYTES);
        return payload.array();
    }

    void force() throws IOException {
        channel.force(false);
    }

    void delete() throws IOException {
        close();
        Files.deleteIfExists(path);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private void readFully(ByteBuffer buf, long pos) throws IOException {
        long at = pos;
        while (buf.hasRemaining()) {
            int n = channel.read(buf, at);
            if (n < 0) {
                throw new IOException("unexpected end of " + path + " at " + at);
            }
            at += n;
        }
        buf.flip();
    }
}
