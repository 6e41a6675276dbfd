package io.gridshift.agent.buffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class TelemetryBufferTest {
    private static final Logger LOG = LoggerFactory.getLogger(TelemetryBufferTest.class);
    private static final BufferOptions LARGE =
            new BufferOptions(1 << 20, 64 << 10, FsyncPolicy.NEVER);

    @TempDir Path folder;
    final List<TelemetryBuffer> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(TelemetryBuffer::close);
    }

    TelemetryBuffer open(BufferOptions options) {
        TelemetryBuffer buffer = TelemetryBuffer.open(folder, options);
        opened.add(buffer);
        return buffer;
    }

    static byte[] reading(int seq) {
        return ("{\"v\":1,\"site\":\"dc-sh-01\",\"seq\":"
                        + seq
                        + ",\"ts\":\"2026-07-01T06:00:05Z\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    static List<String> texts(List<BufferedRecord> records) {
        return records.stream().map(r -> new String(r.payload(), StandardCharsets.UTF_8)).toList();
    }

    static List<String> readings(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int seq = from; seq <= to; seq++) {
            out.add(new String(reading(seq), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void recordsComeBackInOrderWithTheirOriginalBytesAfterARestart() {
        // GIVEN 500 readings buffered while offline, over several segments
        TelemetryBuffer buffer = open(new BufferOptions(1 << 20, 4096, FsyncPolicy.ON_SYNC));
        for (int seq = 1; seq <= 500; seq++) {
            assertThat(buffer.append(reading(seq))).isEqualTo(seq - 1);
        }
        buffer.close();

        // WHEN the agent restarts
        TelemetryBuffer reopened = open(new BufferOptions(1 << 20, 4096, FsyncPolicy.ON_SYNC));

        // THEN every reading is there, in order, byte for byte
        List<BufferedRecord> records = reopened.peek(1000);
        assertThat(texts(records)).isEqualTo(readings(1, 500));
        assertThat(records).extracting(BufferedRecord::index).startsWith(0L, 1L).endsWith(499L);
        assertThat(reopened.stats().records()).isEqualTo(500);
        assertThat(reopened.stats().segments()).isGreaterThan(1);
    }

    @Test
    void onlyCommittedRecordsLeaveAndUncommittedOnesComeBackAfterARestart() {
        // GIVEN five readings, of which the transport sent three but confirmed two
        TelemetryBuffer buffer = open(LARGE);
        for (int seq = 1; seq <= 5; seq++) {
            buffer.append(reading(seq));
        }
        List<BufferedRecord> sent = buffer.peek(3);
        assertThat(buffer.peek(3)).isEqualTo(sent);

        // WHEN it commits through the second, then the agent restarts
        buffer.commitThrough(sent.get(1).index());
        assertThat(texts(buffer.peek(10))).isEqualTo(readings(3, 5));
        buffer.close();
        TelemetryBuffer reopened = open(LARGE);

        // THEN the unconfirmed third comes back first, the confirmed ones never
        assertThat(texts(reopened.peek(10))).isEqualTo(readings(3, 5));
        assertThat(reopened.peek(1).get(0).index()).isEqualTo(2);
    }

    @Test
    void commitIsIdempotentAndRefusesRecordsNeverAppended() {
        TelemetryBuffer buffer = open(LARGE);
        buffer.append(reading(1));
        buffer.append(reading(2));

        buffer.commitThrough(0);
        buffer.commitThrough(0);

        assertThat(texts(buffer.peek(10))).isEqualTo(readings(2, 2));
        assertThatThrownBy(() -> buffer.commitThrough(2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("never appended");
        buffer.commitThrough(1);
        assertThat(buffer.isEmpty()).isTrue();
        assertThat(buffer.peek(10)).isEmpty();
    }

    @Test
    void indexesNeverRepeatEvenWhenEverythingWasCommittedBeforeARestart() {
        // GIVEN ten readings, all sent and confirmed
        TelemetryBuffer buffer = open(LARGE);
        for (int seq = 1; seq <= 10; seq++) {
            buffer.append(reading(seq));
        }
        buffer.commitThrough(9);
        buffer.close();

        // WHEN the agent restarts and buffers one more
        TelemetryBuffer reopened = open(LARGE);
        long index = reopened.append(reading(11));

        // THEN it gets index 10, and only it is pending
        assertThat(index).isEqualTo(10);
        assertThat(texts(reopened.peek(10))).isEqualTo(readings(11, 11));
    }

    @Test
    void beyondTheBoundTheOldestSegmentsAreDroppedWholeAndCounted() throws IOException {
        // GIVEN a bound of 4 segments of 256 bytes; each reading takes 8 + 58..61 bytes
        BufferOptions small = new BufferOptions(1024, 256, FsyncPolicy.NEVER);
        TelemetryBuffer buffer = open(small);

        // WHEN 100 readings are appended, far more than fit
        for (int seq = 1; seq <= 100; seq++) {
            buffer.append(reading(seq));
        }

        // THEN what remains is the newest readings, contiguous up to the last one
        BufferStats stats = buffer.stats();
        List<String> kept = texts(buffer.peek(1000));
        assertThat(kept).isEqualTo(readings(101 - kept.size(), 100));
        assertThat(stats.droppedRecords()).isEqualTo(100 - kept.size());
        assertThat(stats.records()).isEqualTo(kept.size());
        assertThat(stats.bytes()).isLessThanOrEqualTo(1024).isEqualTo(bytesOnDisk());
        assertThat(kept.size()).isGreaterThanOrEqualTo(3 * (256 / 69));
    }

    @Test
    void aDroppedRecordThatWasPeekedCannotBeCommittedByMistake() {
        // GIVEN a full buffer whose oldest records were peeked for sending
        TelemetryBuffer buffer = open(new BufferOptions(1024, 256, FsyncPolicy.NEVER));
        for (int seq = 1; seq <= 12; seq++) {
            buffer.append(reading(seq));
        }
        List<BufferedRecord> inFlight = buffer.peek(2);

        // WHEN more readings push those out before the send is confirmed
        for (int seq = 13; seq <= 40; seq++) {
            buffer.append(reading(seq));
        }
        long firstKept = buffer.peek(1).get(0).index();
        buffer.commitThrough(inFlight.get(1).index());

        // THEN the confirmation of dropped records commits nothing that is still kept
        assertThat(buffer.peek(1).get(0).index()).isEqualTo(firstKept);
        assertThat(firstKept).isGreaterThan(inFlight.get(1).index());
    }

    @Test
    void aTornLastRecordIsDroppedAndCountedAndAppendingGoesOn() throws IOException {
        // GIVEN three readings, the last one torn by a crash mid-write
        TelemetryBuffer buffer = open(LARGE);
        for (int seq = 1; seq <= 3; seq++) {
            buffer.append(reading(seq));
        }
        buffer.close();
        Path segment = onlySegment();
        truncate(segment, Files.size(segment) - 5);

        // WHEN the agent restarts
        TelemetryBuffer reopened = open(LARGE);

        // THEN the two whole readings remain, the torn one is counted, and new ones follow
        assertThat(texts(reopened.peek(10))).isEqualTo(readings(1, 2));
        assertThat(reopened.stats().tornRecords()).isEqualTo(1);
        assertThat(reopened.append(reading(4))).isEqualTo(2);
        reopened.close();
        TelemetryBuffer again = open(LARGE);
        List<String> expected = new ArrayList<>(readings(1, 2));
        expected.addAll(readings(4, 4));
        assertThat(texts(again.peek(10))).isEqualTo(expected);
        assertThat(again.stats().tornRecords()).isZero();
    }

    @Test
    void aRecordWithAFlippedBitOrATailOfZerosFailsItsCrcAndIsCut() throws IOException {
        // GIVEN two readings, then a flipped byte in the second and zeros after it
        TelemetryBuffer buffer = open(LARGE);
        buffer.append(reading(1));
        buffer.append(reading(2));
        buffer.close();
        Path segment = onlySegment();
        try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
            long size = file.length();
            file.seek(size - 3);
            int b = file.read();
            file.seek(size - 3);
            file.write(b ^ 0x01);
            file.seek(size);
            file.write(new byte[64]);
        }

        // WHEN the agent restarts
        TelemetryBuffer reopened = open(LARGE);

        // THEN only the first reading is left, and the file was cut after it
        assertThat(texts(reopened.peek(10))).isEqualTo(readings(1, 1));
        assertThat(reopened.stats().tornRecords()).isEqualTo(1);
        assertThat(Files.size(segment)).isEqualTo(8 + reading(1).length);
    }

    @Test
    void anUnreadableCursorMakesEveryBufferedRecordComeBackRatherThanGetLost() throws IOException {
        TelemetryBuffer buffer = open(LARGE);
        buffer.append(reading(1));
        buffer.append(reading(2));
        buffer.commitThrough(0);
        buffer.close();
        Files.writeString(folder.resolve("cursor"), "garbage");

        TelemetryBuffer reopened = open(LARGE);

        assertThat(texts(reopened.peek(10))).isEqualTo(readings(1, 2));
    }

    @Test
    void recordsMustHoldOneByteToOneSegment() {
        TelemetryBuffer buffer = open(new BufferOptions(1024, 256, FsyncPolicy.NEVER));

        assertThatThrownBy(() -> buffer.append(new byte[0]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> buffer.append(new byte[249]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 248 bytes");
        assertThat(buffer.append(new byte[248])).isZero();
    }

    @Test
    void theOptionsRefuseABoundBelowTwoSegments() {
        assertThatThrownBy(() -> new BufferOptions(1000, 600, FsyncPolicy.NEVER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BufferOptions(1000, 10, FsyncPolicy.NEVER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(BufferOptions.defaults().maxRecordBytes()).isEqualTo((1 << 20) - 8);
    }

    @Test
    void fsyncOnEveryAppendKeepsTheSameContent() {
        BufferOptions always = new BufferOptions(1 << 20, 4096, FsyncPolicy.ALWAYS);
        TelemetryBuffer buffer = open(always);
        for (int seq = 1; seq <= 20; seq++) {
            buffer.append(reading(seq));
        }
        buffer.commitThrough(4);
        buffer.close();

        assertThat(texts(open(always).peek(100))).isEqualTo(readings(6, 20));
    }

    @Test
    void appendsFastWithoutFsync() {
        // GIVEN 200k readings of about 200 bytes, no fsync
        TelemetryBuffer buffer = open(new BufferOptions(256L << 20, 4 << 20, FsyncPolicy.NEVER));
        byte[] payload = new byte[200];
        int n = 200_000;

        // WHEN they are appended
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            payload[0] = (byte) i;
            buffer.append(payload);
        }
        long nanos = System.nanoTime() - t0;

        // THEN all are kept (the rate is logged, never asserted: benchmarks do not fail builds)
        LOG.info(
                "Appended {} records of 200 B in {} ms: {} per second",
                n,
                nanos / 1_000_000,
                (long) (n / (nanos / 1e9)));
        assertThat(buffer.stats().records()).isEqualTo(n);
        assertThat(buffer.peek(1).get(0).payload()).isEqualTo(new byte[200]);
    }

    private Path onlySegment() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> segments = files.filter(p -> p.toString().endsWith(".seg")).toList();
            assertThat(segments).hasSize(1);
            return segments.get(0);
        }
    }

    private long bytesOnDisk() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            long total = 0;
            for (Path p : files.filter(p -> p.toString().endsWith(".seg")).toList()) {
                total += Files.size(p);
            }
            return total;
        }
    }

    private static void truncate(Path file, long size) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        }
    }
}
