package io.gridshift.agent.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridshift.domain.dispatch.DispatchAction;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.site.SiteId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrderStoreTest {
    @TempDir Path folder;

    static final DispatchOrder ALL_KINDS =
            new DispatchOrder(
                    DispatchId.of("d-7f3a"),
                    4,
                    null,
                    SiteId.of("dc-sh-01"),
                    Instant.parse("2026-07-01T05:59:30.123456789Z"),
                    Instant.parse("2026-07-01T06:00:00Z"),
                    Instant.parse("2026-07-01T08:00:00Z"),
                    List.of(
                            new DispatchAction.Reduce("batch", 1500.25),
                            new DispatchAction.MigrateOut("train-42", SiteId.of("dc-nm-02"), 320),
                            new DispatchAction.MigrateIn("job-7", SiteId.of("dc-gs-03"), 0.1)));

    @Test
    void aRecordComesBackExactlyAsSaved() {
        // GIVEN a store holding an order with every action kind, a failure reason, no event id
        OrderStore store = OrderStore.open(folder);
        OrderRecord record =
                new OrderRecord(ALL_KINDS, OrderState.FAILED, "apply_failed: permission denied");

        // WHEN it is saved and a new store reads the folder
        store.save(record);
        List<OrderRecord> loaded = OrderStore.open(folder).loadAll();

        // THEN the record is equal in every field, nanoseconds and kW fractions included
        assertThat(loaded).containsExactly(record);
    }

    @Test
    void theFileIsReadableTextWithTheEdgeProtocolsJsonAsItsBody() throws IOException {
        OrderStore.open(folder).save(new OrderRecord(ALL_KINDS, OrderState.ACTIVE, null));

        String text = Files.readString(folder.resolve("d-7f3a.order"), StandardCharsets.UTF_8);

        assertThat(text).startsWith("gridshift-order 1\nstate: ACTIVE\nreason: \n\n{");
        assertThat(text).contains("\"dispatchId\":\"d-7f3a\"", "\"revision\":4");
    }

    @Test
    void aSaveReplacesTheFileOfItsDispatchIdAndLeavesNoTemporaryFile() throws IOException {
        // GIVEN revision 1 saved
        OrderStore store = OrderStore.open(folder);
        store.save(OrderRecord.accepted(Orders.order(1)));

        // WHEN revision 2 is saved, then activated
        store.save(OrderRecord.accepted(Orders.order(2)));
        store.save(OrderRecord.accepted(Orders.order(2)).with(OrderState.ACTIVE));

        // THEN one file holds the latest state
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("d-1.order");
        }
        assertThat(store.loadAll())
                .containsExactly(new OrderRecord(Orders.order(2), OrderState.ACTIVE, null));
    }

    @Test
    void anUnreadableFileIsSetAsideAndCountedAndALeftoverTemporaryFileRemoved() throws IOException {
        // GIVEN a good file, a truncated one and the leftover of an interrupted write
        OrderStore store = OrderStore.open(folder);
        store.save(OrderRecord.accepted(Orders.order(1)));
        Files.writeString(folder.resolve("d-2.order"), "gridshift-order 1\nstate: ACT");
        Files.writeString(folder.resolve("d-3.order.tmp"), "half");

        // WHEN the folder is loaded
        List<OrderRecord> loaded = store.loadAll();

        // THEN the good record loads, the bad file is kept aside, the leftover is gone
        assertThat(loaded).containsExactly(OrderRecord.accepted(Orders.order(1)));
        assertThat(store.corruptFiles()).isEqualTo(1);
        assertThat(folder.resolve("d-2.order.corrupt")).exists();
        assertThat(folder.resolve("d-2.order")).doesNotExist();
        assertThat(folder.resolve("d-3.order.tmp")).doesNotExist();
    }

    @Test
    void aFileWhoseNameDoesNotMatchItsOrderIsSetAside() throws IOException {
        OrderStore store = OrderStore.open(folder);
        store.save(OrderRecord.accepted(Orders.order(1)));
        Files.move(folder.resolve("d-1.order"), folder.resolve("d-5.order"));

        assertThat(store.loadAll()).isEmpty();
        assertThat(store.corruptFiles()).isEqualTo(1);
    }

    @Test
    void deleteForgetsAnOrder() {
        OrderStore store = OrderStore.open(folder);
        store.save(OrderRecord.accepted(Orders.order(1)));

        store.delete(DispatchId.of("d-1"));
        store.delete(DispatchId.of("d-1"));

        assertThat(store.loadAll()).isEmpty();
    }

    @Test
    void aFolderThatCannotBeWrittenFailsAsUnavailable() throws IOException {
        Path file = folder.resolve("not-a-folder");
        Files.writeString(file, "x");
        OrderStore store = OrderStore.open(file);

        assertThatThrownBy(() -> store.save(OrderRecord.accepted(Orders.order(1))))
                .isInstanceOf(GridshiftException.class)
                .hasMessageContaining("cannot write");
    }
}
