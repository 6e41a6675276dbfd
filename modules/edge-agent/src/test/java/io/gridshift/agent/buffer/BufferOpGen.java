package io.gridshift.agent.buffer;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Random sequences of what happens to a telemetry buffer: appends, sends with partial
 * confirmations, clean restarts and crashes.
 */
final class BufferOpGen {

    sealed interface Op {}

    /** {@code count} records of {@code size} bytes each. */
    record Append(int size, int count) implements Op {}

    /** Peek up to {@code peek} records, then commit through the {@code confirm}-th of them. */
    record SendAndConfirm(int peek, int confirm) implements Op {}

    /** Close the buffer and open it again over the same folder. */
    record Restart() implements Op {}

    /** Open a new buffer over the folder while the old one is still open, as after kill -9. */
    record Crash() implements Op {}

    private final RandomGenerator random;

    BufferOpGen(RandomGenerator random) {
        this.random = random;
    }

    /** One to forty operations: appends 6, sends 4, restarts 1 and crashes 1 time in 12. */
    List<Op> ops() {
        int size = random.nextInt(1, 41);
        List<Op> ops = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            ops.add(op());
        }
        return ops;
    }

    private Op op() {
        int roll = random.nextInt(12);
        if (roll < 6) {
            return new Append(random.nextInt(1, 121), random.nextInt(1, 13));
        } else if (roll < 10) {
            int peek = random.nextInt(0, 31);
            return new SendAndConfirm(peek, random.nextInt(0, peek + 1));
        }
        return roll < 11 ? new Restart() : new Crash();
    }
}
