package io.gridshift.agent.dispatch;

import static io.gridshift.agent.dispatch.Orders.order;
import static org.assertj.core.api.Assertions.assertThat;

import io.gridshift.domain.dispatch.DispatchId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Nothing acknowledged is lost": what cannot be written ahead is not promised. */
class DispatchStoreFailureTest {
    @TempDir Path root;
    Path orders;
    ExecutorFixture f;

    @BeforeEach
    void setUp() {
        orders = root.resolve("orders");
        f = new ExecutorFixture(orders);
    }

    /** The disk goes away: the orders folder becomes a plain file. */
    void breakTheDisk() throws IOException {
        Files.createDirectories(orders);
        try (Stream<Path> files = Files.walk(orders)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
        Files.writeString(orders, "not a folder");
    }

    @Test
    void anOrderThatCannotBeWrittenAheadIsRejectedAndNeverApplied() throws IOException {
        // GIVEN a disk that fails
        breakTheDisk();

        // WHEN an order for now arrives
        f.at("2026-07-01T06:10:00Z");
        f.send(order(1));

        // THEN it is refused, not half-promised
        assertThat(f.takeAckLog()).containsExactly("d-1#1 REJECTED store_unavailable @06:10:00");
        assertThat(f.site.calls()).isEmpty();
        assertThat(f.executor.rejections()).isEqualTo(Map.of("store_unavailable", 1L));
    }

    @Test
    void whenTheReplacementCannotBeStoredTheOldRevisionIsAlreadyRevertedAndReportedFailed()
            throws IOException {
        // GIVEN revision 1 active, then the disk fails
        f.at("2026-07-01T06:10:00Z");
        f.send(order(1));
        f.takeAckLog();
        breakTheDisk();

        // WHEN revision 2 arrives
        f.send(order(2));

        // THEN revision 1 was undone first and says so; revision 2 is refused; nothing stays on
        assertThat(f.takeAckLog())
                .containsExactly(
                        "d-1#1 FAILED store_unavailable @06:10:00",
                        "d-1#2 REJECTED store_unavailable @06:10:00");
        assertThat(f.site.calls()).containsExactly("apply d-1#1", "revert d-1#1");
        assertThat(f.site.applied()).isEmpty();
        assertThat(f.executor.order(DispatchId.of("d-1")).orElseThrow().state())
                .isEqualTo(OrderState.FAILED);
    }

    @Test
    void anActiveOrderStillRevertsAtItsEndWhenTheDiskFailsMeanwhile() throws IOException {
        // GIVEN revision 1 active, then the disk fails
        f.send(order(1));
        f.runTimersUntil(Instant.parse("2026-07-01T07:00:00Z"));
        f.takeAckLog();
        breakTheDisk();

        // WHEN the end comes
        f.runTimersUntil(Instant.parse("2026-07-01T09:00:00Z"));

        // THEN the safety action happens anyway
        assertThat(f.takeAckLog()).containsExactly("d-1#1 COMPLETED @08:00:00");
        assertThat(f.site.applied()).isEmpty();
    }
}
