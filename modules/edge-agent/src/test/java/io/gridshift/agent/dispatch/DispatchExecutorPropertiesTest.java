package io.gridshift.agent.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.gridshift.agent.dispatch.DispatchOpGen.Advance;
import io.gridshift.agent.dispatch.DispatchOpGen.Op;
import io.gridshift.agent.dispatch.DispatchOpGen.Restart;
import io.gridshift.agent.dispatch.DispatchOpGen.Send;
import io.gridshift.agent.dispatch.DispatchOpGen.SiteTrouble;
import io.gridshift.domain.dispatch.Ack;
import io.gridshift.domain.dispatch.AckStatus;
import io.gridshift.domain.dispatch.DispatchOrder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random orders, revisions, copies, refusals, failing applies, time jumps and restarts. Whatever
 * happens, the site never holds an action outside its order's window, holds only the revision the
 * agent considers active, never hears about a revision again once it was acked final, and holds
 * nothing once every window is over. Each seed runs 25 sequences, checked after every step.
 */
class DispatchExecutorPropertiesTest {
    private static final int SEQUENCES_PER_SEED = 25;

    @TempDir Path folder;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 4);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theSiteNeverHoldsAnActionOutsideItsWindowAndHoldsNothingAtTheEnd(long seed)
            throws IOException {
        DispatchOpGen gen = new DispatchOpGen(new SplittableRandom(seed));
        for (int sequence = 0; sequence < SEQUENCES_PER_SEED; sequence++) {
            List<Op> ops = gen.ops();
            Path dir = Files.createDirectory(folder.resolve("sequence-" + sequence));
            ExecutorFixture f = new ExecutorFixture(dir, ExecutorFixture.OPTIONS, false);
            String where = "seed " + seed + ", sequence " + sequence + ", ";
            for (int step = 0; step < ops.size(); step++) {
                Op op = ops.get(step);
                String at = where + "step " + step + " (" + op + ") of " + ops;
                run(at, () -> apply(f, op));
                run(at, () -> checkSite(f));
            }
            run(
                    where + "after every window, ops " + ops,
                    () -> {
                        f.site.refuse(null).failApply(null);
                        f.clock.advance(Duration.ofDays(3));
                        f.executor.tick(f.clock.instant());
                        assertThat(f.site.applied()).isEmpty();
                        checkFinalAcksStayFinal(f.acks);
                    });
        }
    }

    /** Runs one step; whatever it throws comes back with the seed, the step and the ops. */
    private static void run(String where, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException | AssertionError e) {
            String why = e instanceof AssertionError ? e.getMessage() : e.toString();
            throw new AssertionError(where + System.lineSeparator() + why, e);
        }
    }

    private static void apply(ExecutorFixture f, Op op) {
        if (op instanceof Send s) {
            f.send(s.order());
        } else if (op instanceof Advance a) {
            f.clock.advance(Duration.ofSeconds(a.seconds()));
            f.executor.tick(f.clock.instant());
        } else if (op instanceof Restart) {
            f.restart();
        } else if (op instanceof SiteTrouble t) {
            f.site.refuse(t.refuse() ? "no" : null).failApply(t.failApply() ? "boom" : null);
        }
    }

    private static void checkSite(ExecutorFixture f) {
        Instant now = f.clock.instant();
        for (DispatchOrder order : f.site.applied().values()) {
            assertThat(order.isActiveAt(now)).as("%s applied at %s", order, now).isTrue();
            OrderRecord record = f.executor.order(order.id()).orElseThrow();
            assertThat(record.order()).isEqualTo(order);
            assertThat(record.state()).isEqualTo(OrderState.ACTIVE);
        }
    }

    private static void checkFinalAcksStayFinal(List<Ack> acks) {
        Map<String, AckStatus> finals = new HashMap<>();
        for (Ack ack : acks) {
            String key = ack.dispatchId() + "#" + ack.revision();
            AckStatus previous = finals.get(key);
            if (previous != null && ack.status() != AckStatus.REJECTED) {
                assertThat(ack.status()).as("ack after final for %s", key).isEqualTo(previous);
            }
            if (ack.status() == AckStatus.COMPLETED || ack.status() == AckStatus.FAILED) {
                finals.put(key, ack.status());
            }
        }
    }
}
