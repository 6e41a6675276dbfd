package io.gridshift.storage.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridshift.domain.dispatch.Ack;
import io.gridshift.domain.dispatch.AckStatus;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.event.EventId;
import io.gridshift.domain.event.EventStatus;
import io.gridshift.domain.event.GridEvent;
import io.gridshift.domain.event.OptType;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.Site;
import io.gridshift.domain.site.SiteId;
import io.gridshift.domain.time.ManualClock;
import io.gridshift.storage.Samples;
import io.gridshift.storage.StorageTarget;
import io.gridshift.storage.db.Database;
import io.gridshift.storage.ledger.LedgerReader.Table;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ledger's behaviour, run against H2 and PostgreSQL by the subclasses. */
abstract class LedgerContract {
    static final Instant START = Instant.parse("2026-07-15T14:00:00Z");

    final ManualClock clock = new ManualClock(Instant.parse("2026-07-15T09:00:00Z"));
    Database db;
    Ledger ledger;

    abstract StorageTarget target();

    @BeforeEach
    void open() {
        db = target().openEmpty();
        ledger = new Ledger(db.dataSource(), clock);
    }

    @AfterEach
    void closeDb() {
        db.close();
    }

    @Test
    void eventsAndTheirModificationsComeBackWhole() {
        // GIVEN an event and a later modification of it
        GridEvent first = Samples.event("ev-1", 0, START, Duration.ofHours(4));
        GridEvent moved =
                Samples.event(
                        "ev-1",
                        1,
                        START.plus(Duration.ofHours(1)),
                        Duration.ofHours(2),
                        EventStatus.NEAR);
        // WHEN both are recorded, the first twice (a VTN repeats events on every poll)
        assertThat(ledger.recordEvent(first)).isTrue();
        assertThat(ledger.recordEvent(first)).isFalse();
        assertThat(ledger.recordEvent(moved)).isTrue();
        // THEN the latest is the event now, and both modifications are kept equal to what was sent
        assertThat(ledger.event(EventId.of("ev-1"))).contains(moved);
        assertThat(ledger.reader().modifications(EventId.of("ev-1"))).containsExactly(first, moved);
        assertThat(ledger.reader().events(Samples.PROGRAM)).containsExactly(moved);
        assertThat(ledger.reader().count(Table.EVENTS)).isEqualTo(1);
    }

    @Test
    void aDifferentEventUnderARecordedModificationNumberIsAConflict() {
        ledger.recordEvent(Samples.event("ev-1", 0, START, Duration.ofHours(4)));
        GridEvent other = Samples.event("ev-1", 0, START, Duration.ofHours(3));
        assertThatThrownBy(() -> ledger.recordEvent(other))
                .isInstanceOfSatisfying(
                        GridshiftException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT))
                .hasMessageContaining("modificationNumber");
    }

    @Test
    void optsAndTheLatestBidPerSite() {
        EventId ev = EventId.of("ev-1");
        ledger.recordEvent(Samples.event("ev-1", 0, START, Duration.ofHours(4)));
        ledger.recordOpt(
                new OptResponse(ev, 0, OptType.OPT_IN, "enough flexibility", clock.instant()));
        ledger.recordBid(new Bid(ev, SiteId.of("dc-a"), 100, clock.instant()));
        ledger.recordBid(new Bid(ev, SiteId.of("dc-b"), 50, clock.instant()));
        clock.advance(Duration.ofMinutes(5));
        ledger.recordBid(new Bid(ev, SiteId.of("dc-a"), 80, clock.instant()));

        assertThat(ledger.reader().opts(ev))
                .containsExactly(
                        new OptResponse(
                                ev,
                                0,
                                OptType.OPT_IN,
                                "enough flexibility",
                                Instant.parse("2026-07-15T09:00:00Z")));
        assertThat(ledger.reader().bids(ev))
                .hasSize(2)
                .hasEntrySatisfying(
                        SiteId.of("dc-a"), b -> assertThat(b.committedKw()).isEqualTo(80))
                .hasEntrySatisfying(
                        SiteId.of("dc-b"), b -> assertThat(b.committedKw()).isEqualTo(50));
    }

    @Test
    void aBidForAnUnrecordedEventIsRefused() {
        Bid bid = new Bid(EventId.of("never"), SiteId.of("dc-a"), 10, clock.instant());
        assertThatThrownBy(() -> ledger.recordBid(bid))
                .isInstanceOfSatisfying(
                        GridshiftException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT));
        assertThat(ledger.reader().count(Table.BIDS)).isZero();
    }

    @Test
    void ordersRevisionsSendsAndAcksComeBackInOrder() {
        DispatchOrder rev1 = Samples.order("d-1", 1, "dc-a", START);
        DispatchOrder rev2 = Samples.order("d-1", 2, "dc-a", START);
        DispatchId id = rev1.id();
        ledger.recordOrder(rev1);
        ledger.recordSend(new DispatchSend(id, 1, 1, "MQTT", clock.instant()));
        ledger.recordSend(new DispatchSend(id, 1, 2, "MQTT", clock.instant()));
        Ack accepted =
                new Ack(id, 1, SiteId.of("dc-a"), AckStatus.ACCEPTED, null, null, clock.instant());
        ledger.recordAck(accepted);
        ledger.recordAck(accepted);
        ledger.recordOrder(rev2);
        Ack failed =
                new Ack(
                        id,
                        2,
                        SiteId.of("dc-a"),
                        AckStatus.FAILED,
                        "battery offline",
                        12.5,
                        clock.instant());
        ledger.recordAck(failed);

        assertThat(ledger.reader().order(id)).contains(rev2);
        assertThat(ledger.reader().revision(id, 1)).contains(rev1);
        assertThat(ledger.hasOrder(id, 3)).isFalse();
        assertThat(ledger.reader().orders(EventId.of("ev-1"))).containsExactly(rev1, rev2);
        assertThat(ledger.reader().sends(id))
                .extracting(DispatchSend::attempt)
                .containsExactly(1, 2);
        assertThat(ledger.reader().acks(id)).containsExactly(accepted, accepted, failed);
    }

    @Test
    void aRepeatedRevisionAnOrderForAnotherSiteAndAnAckForNoRevisionAreConflicts() {
        ledger.recordOrder(Samples.order("d-1", 1, "dc-a", START));
        assertThatThrownBy(() -> ledger.recordOrder(Samples.order("d-1", 1, "dc-a", START)))
                .isInstanceOfSatisfying(
                        GridshiftException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT));
        assertThatThrownBy(() -> ledger.recordOrder(Samples.order("d-1", 2, "dc-b", START)))
                .hasMessageContaining("site: order d-1 was issued to dc-a");
        Ack forRev2 =
                new Ack(
                        DispatchId.of("d-1"),
                        2,
                        SiteId.of("dc-a"),
                        AckStatus.ACCEPTED,
                        null,
                        null,
                        START);
        assertThatThrownBy(() -> ledger.recordAck(forRev2))
                .isInstanceOfSatisfying(
                        GridshiftException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT));
        assertThat(ledger.reader().count(Table.DISPATCH_REVISIONS)).isEqualTo(1);
        assertThat(ledger.reader().count(Table.ACKS)).isZero();
    }

    @Test
    void sitesAreUpdatedInPlaceAndOperatorActionsReadNewestFirst() {
        ledger.recordSite(new Site(SiteId.of("dc-a"), "Alpha", GridZone.of("DE"), 1000));
        ledger.recordSite(new Site(SiteId.of("dc-a"), "Alpha 2", GridZone.of("DE"), 1200));
        assertThat(ledger.reader().count(Table.SITES)).isEqualTo(1);

        ledger.recordOperatorAction(new OperatorAction("ops", "cancel_order", "d-1", null, START));
        ledger.recordOperatorAction(
                new OperatorAction("ops", "resettle", "ev-1", "meter fix", START.plusSeconds(1)));
        assertThat(ledger.reader().operatorActions(10))
                .extracting(OperatorAction::action)
                .containsExactly("resettle", "cancel_order");
    }

    @Test
    void reopeningTheDatabaseAppliesNoMigrationAndKeepsTheRecords() {
        ledger.recordOrder(Samples.order("d-1", 1, "dc-a", START));
        db.close();
        db = Database.open(target().options());
        assertThat(db.migrationsApplied()).isZero();
        assertThat(new Ledger(db.dataSource(), clock).hasOrder(DispatchId.of("d-1"), 1)).isTrue();
    }

    @Test
    void badInputNamesTheField() {
        assertThatThrownBy(() -> new Bid(EventId.of("e"), SiteId.of("dc-a"), -1, START))
                .hasMessageContaining("committedKw");
        assertThatThrownBy(() -> new DispatchSend(DispatchId.of("d-1"), 1, 0, "MQTT", START))
                .hasMessageContaining("attempt");
    }
}
