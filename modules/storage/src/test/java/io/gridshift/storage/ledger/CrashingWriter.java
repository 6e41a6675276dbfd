package io.gridshift.storage.ledger;

import io.gridshift.domain.dispatch.Ack;
import io.gridshift.domain.dispatch.AckStatus;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.site.SiteId;
import io.gridshift.storage.Samples;
import io.gridshift.storage.db.Database;
import io.gridshift.storage.db.StorageOptions;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The child JVM of {@link LedgerCrashIT}: records an event, then orders and acks for ever through
 * the ledger, printing each id only after its record call returned. The test kills it with SIGKILL.
 */
public final class CrashingWriter {
    private CrashingWriter() {}

    public static void main(String[] args) {
        PrintStream out = System.out;
        Clock clock = Clock.systemUTC();
        try (Database db = Database.open(new StorageOptions(args[0], args[1], "", 4))) {
            Ledger ledger = new Ledger(db.dataSource(), clock);
            Instant start = Instant.parse("2026-07-15T14:00:00Z");
            ledger.recordEvent(Samples.event("ev-1", 0, start, Duration.ofHours(4)));
            out.println("event ev-1");
            out.flush();
            for (int i = 0; ; i++) {
                DispatchOrder order = Samples.order("d-" + i, 1, "dc-a", start);
                ledger.recordOrder(order);
                out.println("order " + order.id());
                out.flush();
                ledger.recordAck(
                        new Ack(
                                order.id(),
                                1,
                                SiteId.of("dc-a"),
                                AckStatus.ACCEPTED,
                                null,
                                null,
                                clock.instant()));
                out.println("ack " + order.id());
                out.flush();
            }
        }
    }
}
