package io.gridshift.agent.dispatch;

import io.gridshift.domain.dispatch.DispatchAction;
import io.gridshift.domain.dispatch.DispatchOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Random sequences of what can happen to a dispatch executor: copies of order revisions, time
 * passing, agent restarts, and a site that starts or stops refusing orders or failing applies.
 */
final class DispatchOpGen {

    sealed interface Op {}

    /**
     * A copy of revision {@code revision} of order {@code d-<id>}. Its content follows from the id
     * and revision alone, as with a real aggregator: the same revision is never re-issued with
     * other content (that case, a replay, has its own test).
     */
    record Send(int id, int revision) implements Op {
        DispatchOrder order() {
            Instant start =
                    Orders.NOW.plus(Duration.ofMinutes((id * 17L + revision * 23L) % 60 - 15));
            Duration length = Duration.ofMinutes(5 + (id * revision * 13L) % 60);
            String resource =
                    List.of("batch", "train", "batch", "train", "batch", "ups")
                            .get((id + revision) % 6);
            return Orders.order(
                    "d-" + id,
                    revision,
                    start,
                    start.plus(length),
                    List.of(new DispatchAction.Reduce(resource, 100)));
        }
    }

    /** Time passes, then the agent ticks. */
    record Advance(int seconds) implements Op {}

    record Restart() implements Op {}

    /** From now on the site refuses orders, fails applies, both or neither. */
    record SiteTrouble(boolean refuse, boolean failApply) implements Op {}

    private final RandomGenerator random;

    DispatchOpGen(RandomGenerator random) {
        this.random = random;
    }

    /** Five to thirty operations: sends 5, advances 4, restarts 1 and trouble 1 time in 11. */
    List<Op> ops() {
        int size = random.nextInt(5, 31);
        List<Op> ops = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            ops.add(op());
        }
        return ops;
    }

    private Op op() {
        int roll = random.nextInt(11);
        if (roll < 5) {
            return new Send(random.nextInt(1, 4), random.nextInt(1, 5));
        } else if (roll < 9) {
            return new Advance(random.nextInt(0, 901));
        } else if (roll < 10) {
            return new Restart();
        }
        return new SiteTrouble(random.nextInt(4) == 0, random.nextInt(4) == 0);
    }
}
