package io.gridshift.agent.buffer;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridshift.agent.buffer.BufferOpGen.Append;
import io.gridshift.agent.buffer.BufferOpGen.Op;
import io.gridshift.agent.buffer.BufferOpGen.Restart;
import io.gridshift.agent.buffer.BufferOpGen.SendAndConfirm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random sequences of appends, peeks with partial commits, clean restarts and crashes (a new buffer
 * over the folder while the old one is still open, as after {@code kill -9}), checked after every
 * step against a plain queue. Each seed runs 30 sequences.
 */
class TelemetryBufferPropertiesTest {
    private static final int SEQUENCES_PER_SEED = 30;

    @TempDir Path folder;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 5);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void withRoomToSpareTheBufferHoldsExactlyWhatWasAppendedAndNotConfirmed(long seed)
            throws IOException {
        runSequences(seed, new BufferOptions(1 << 20, 512, FsyncPolicy.NEVER), false);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void underATightBoundTheBufferHoldsTheNewestSuffixAndCountsTheRest(long seed)
            throws IOException {
        runSequences(seed, new BufferOptions(1024, 256, FsyncPolicy.NEVER), true);
    }

    private void runSequences(long seed, BufferOptions options, boolean bounded)
            throws IOException {
        BufferOpGen gen = new BufferOpGen(new SplittableRandom(seed));
        for (int sequence = 0; sequence < SEQUENCES_PER_SEED; sequence++) {
            List<Op> ops = gen.ops();
            Path dir = Files.createDirectory(folder.resolve("sequence-" + sequence));
            run(dir, ops, options, bounded, "seed " + seed + ", sequence " + sequence + ", ");
        }
    }

    private static void run(
            Path folder, List<Op> ops, BufferOptions options, boolean bounded, String where) {
        List<TelemetryBuffer> abandoned = new ArrayList<>();
        Deque<byte[]> model = new ArrayDeque<>();
        TelemetryBuffer buffer = TelemetryBuffer.open(folder, options);
        long dropped = 0;
        int counter = 0;
        int step = 0;
        try {
            for (; step < ops.size(); step++) {
                Op op = ops.get(step);
                if (op instanceof Append a) {
                    for (int i = 0; i < a.count(); i++) {
                        byte[] payload = payload(a.size(), counter++);
                        buffer.append(payload);
                        model.addLast(payload);
                    }
                } else if (op instanceof SendAndConfirm s) {
                    List<BufferedRecord> sent = buffer.peek(s.peek());
                    if (s.confirm() > 0 && s.confirm() <= sent.size()) {
                        buffer.commitThrough(sent.get(s.confirm() - 1).index());
                        for (int i = 0; i < s.confirm(); i++) {
                            model.removeFirst();
                        }
                    }
                } else if (op instanceof Restart) {
                    buffer.close();
                    buffer = TelemetryBuffer.open(folder, options);
                    dropped = 0;
                } else {
                    abandoned.add(buffer);
                    buffer = TelemetryBuffer.open(folder, options);
                    dropped = 0;
                }
                dropped = check(buffer, model, options, bounded, dropped);
            }
        } catch (RuntimeException | AssertionError e) {
            String why = e instanceof AssertionError ? e.getMessage() : e.toString();
            throw new AssertionError(
                    String.format("%sstep %d (%s) of %s%n%s", where, step, ops.get(step), ops, why),
                    e);
        } finally {
            buffer.close();
            abandoned.forEach(TelemetryBuffer::close);
        }
    }

    /** Compares the buffer with the model; under a bound, trims the model to what was kept. */
    private static long check(
            TelemetryBuffer buffer,
            Deque<byte[]> model,
            BufferOptions options,
            boolean bounded,
            long droppedBefore) {
        List<BufferedRecord> held = buffer.peek(Integer.MAX_VALUE);
        for (int i = 1; i < held.size(); i++) {
            assertThat(held.get(i).index()).isGreaterThan(held.get(i - 1).index());
        }
        List<byte[]> expected = new ArrayList<>(model);
        BufferStats stats = buffer.stats();
        assertThat(stats.tornRecords()).isZero();
        assertThat(stats.records()).isEqualTo(held.size());
        assertThat(buffer.isEmpty()).isEqualTo(held.isEmpty());
        if (!bounded) {
            assertThat(held)
                    .extracting(BufferedRecord::payload)
                    .containsExactlyElementsOf(expected);
            assertThat(stats.droppedRecords()).isZero();
            return 0;
        }
        assertThat(stats.bytes()).isLessThanOrEqualTo(options.maxBytes());
        int lost = expected.size() - held.size();
        assertThat(lost).isNotNegative();
        assertThat(held)
                .extracting(BufferedRecord::payload)
                .containsExactlyElementsOf(expected.subList(lost, expected.size()));
        for (int i = 0; i < lost; i++) {
            model.removeFirst();
        }
        // The counter starts afresh with each opened buffer: compare what it grew by.
        assertThat(stats.droppedRecords() - droppedBefore).isEqualTo(lost);
        return stats.droppedRecords();
    }

    private static byte[] payload(int size, int counter) {
        byte[] payload = new byte[size];
        for (int i = 0; i < size; i++) {
            payload[i] = (byte) (counter * 31 + i);
        }
        payload[0] = (byte) counter;
        return payload;
    }
}
