package io.gridshift.storage.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridshift.domain.event.EventId;
import io.gridshift.domain.event.EventStatus;
import io.gridshift.domain.event.GridEvent;
import io.gridshift.domain.meter.MeterReading;
import io.gridshift.domain.site.SiteId;
import io.gridshift.domain.time.ManualClock;
import io.gridshift.storage.Samples;
import io.gridshift.storage.StorageTarget;
import io.gridshift.storage.baseline.Baselines;
import io.gridshift.storage.db.Database;
import io.gridshift.storage.ledger.Bid;
import io.gridshift.storage.ledger.Ledger;
import io.gridshift.storage.ledger.LedgerReader.Table;
import io.gridshift.storage.ledger.SettlementReportState;
import io.gridshift.storage.ledger.SettlementReports;
import io.gridshift.storage.meter.MeterRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Settlement from the ledger alone, worked out by hand; on H2 and PostgreSQL. */
abstract class SettlementContract {
    static final Instant START = Instant.parse("2026-07-15T14:00:00Z");
    static final EventId EV = EventId.of("ev-1");
    static final SiteId A = SiteId.of("dc-a");
    static final SiteId B = SiteId.of("dc-b");
    static final SiteId C = SiteId.of("dc-c");
    // $10 per credited kW, $0.50 per kWh, penalty $20 per kW short below 90 %, paid up to 120 %
    static final ProgramRules RULES =
            new ProgramRules(
                    Samples.PROGRAM,
                    Baselines.METER_BEFORE_AFTER,
                    Duration.ofMinutes(15),
                    ZoneOffset.UTC,
                    10,
                    0.5,
                    0.9,
                    20,
                    1.2);

    final ManualClock clock = new ManualClock(Instant.parse("2026-07-16T00:00:00Z"));
    Database db;
    Ledger ledger;
    SettlementService service;

    abstract StorageTarget target();

    @BeforeEach
    void open() {
        db = target().openEmpty();
        ledger = new Ledger(db.dataSource(), clock);
        service =
                new SettlementService(
                        db.dataSource(), ledger.reader(), Baselines.standard(), clock);
        // a 1-hour event (recovery 15 min); A committed 250 kW, B 100 kW, C 50 kW (never metered)
        ledger.recordEvent(Samples.event("ev-1", 0, START, Duration.ofHours(1)));
        ledger.recordBid(new Bid(EV, A, 250, START.minusSeconds(3600)));
        ledger.recordBid(new Bid(EV, B, 100, START.minusSeconds(3600)));
        ledger.recordBid(new Bid(EV, C, 50, START.minusSeconds(3600)));
        // both metered at 1000 kW from 13:30 to 14:00 and from 15:00 to 16:00; during the event A
        // draws 800 kW and B 850 kW
        List<MeterReading> rows = new ArrayList<>();
        for (int m = -30; m < 120; m++) {
            boolean during = m >= 0 && m < 60;
            rows.add(minute(A, m, during ? 800 : 1000));
            rows.add(minute(B, m, during ? 850 : 1000));
        }
        new MeterRepository(db.dataSource()).insert(rows);
    }

    static MeterReading minute(SiteId site, int m, double kw) {
        return new MeterReading(
                site, START.plusSeconds(60L * m), Duration.ofMinutes(1), kw, kw * 0.8, 6);
    }

    @AfterEach
    void closeDb() {
        db.close();
    }

    @Test
    void eachSiteIsSettledByTheProgramRules() {
        EventSettlement s = service.settle(EV, RULES);
        assertThat(s.sites()).extracting(SiteSettlement::site).containsExactly(A, B, C);

        // A: baseline 1000 (before 1000, after 1000), actual 800: 200 kW, 50 kWh per quarter hour
        SiteSettlement a = s.sites().get(0);
        assertThat(a.intervals()).hasSize(4);
        assertThat(a.intervals())
                .allSatisfy(i -> assertThat(i.deliveredKwh()).isCloseTo(50, within(1e-9)));
        assertThat(a.deliveredKwh()).isCloseTo(200, within(1e-9));
        // performance 200 / 250 = 0.8 < 0.9: capacity 200 * 10 = 2000, energy 200 * 0.5 = 100,
        // penalty (250 - 200) * 20 = 1000, net 1100
        assertThat(a.performance()).isCloseTo(0.8, within(1e-9));
        assertThat(a.capacityPayment()).isEqualTo(2000);
        assertThat(a.energyPayment()).isEqualTo(100);
        assertThat(a.penalty()).isEqualTo(1000);
        assertThat(a.netPayment()).isEqualTo(1100);

        // B: 150 kW against 100: performance 1.5, credited at the cap 120 kW -> 1200; energy per
        // quarter min(37.5, 1.2 * 100 * 0.25 = 30) = 30 kWh, 4 * 30 * 0.5 = 60; no penalty: 1260
        SiteSettlement b = s.sites().get(1);
        assertThat(b.performance()).isCloseTo(1.5, within(1e-9));
        assertThat(b.creditedKw()).isCloseTo(120, within(1e-9));
        assertThat(b.capacityPayment()).isEqualTo(1200);
        assertThat(b.energyPayment()).isEqualTo(60);
        assertThat(b.penalty()).isZero();
        assertThat(b.netPayment()).isEqualTo(1260);

        // C: no meter data, settled at zero with the reason
        SiteSettlement c = s.sites().get(2);
        assertThat(c.status()).isEqualTo(SiteSettlement.INSUFFICIENT_DATA);
        assertThat(c.netPayment()).isZero();
        assertThat(s.netPayment()).isEqualTo(2360);
    }

    @Test
    void settlingAgainGivesTheSameFiguresAndReplacesTheStoredRows() {
        EventSettlement first = service.settle(EV, RULES);
        EventSettlement again = service.settle(EV, RULES);
        assertThat(again).isEqualTo(first);
        assertThat(ledger.reader().count(Table.SETTLEMENTS)).isEqualTo(3);
    }

    @Test
    void csvAndJsonCarryTheFigures() {
        EventSettlement s = service.settle(EV, RULES);
        String[] csv = SettlementExport.csv(s).split("\n");
        assertThat(csv[0]).isEqualTo(SettlementExport.CSV_HEADER);
        // 4 intervals each for A and B, one line for C
        assertThat(csv).hasSize(1 + 4 + 4 + 1);
        assertThat(csv[1])
                .isEqualTo(
                        "ev-1,dc-a,SETTLED,2026-07-15T14:00:00Z,1000,800,50,250,0.8,2000,100,1000,1100");
        assertThat(csv[9]).isEqualTo("ev-1,dc-c,INSUFFICIENT_DATA,,,,,50,0,0,0,0,0");
        String json = SettlementExport.json(s);
        assertThat(json)
                .startsWith("{\"eventId\":\"ev-1\",\"modificationNumber\":0,")
                .contains("\"netPayment\":2360.0")
                .contains(
                        "{\"start\":\"2026-07-15T14:45:00Z\",\"baselineKw\":1000.0,\"actualKw\":850.0,\"deliveredKwh\":37.5}");
    }

    @Test
    void aNewNodeOnTheSameDatabaseSettlesTheEventToTheSameBytes() {
        // GIVEN the event settled by this node, by both baselines that have the data here
        ProgramRules pjm =
                new ProgramRules(
                        Samples.PROGRAM,
                        Baselines.PJM,
                        Duration.ofMinutes(15),
                        ZoneOffset.UTC,
                        10,
                        0.5,
                        0.9,
                        20,
                        1.2);
        EventSettlement first = service.settle(EV, RULES);
        EventSettlement firstPjm = service.settle(EV, pjm);
        // WHEN a new node (its own pool, ledger and service; nothing shared but the database and
        // the time of settlement) settles it again from the ledger alone
        try (Database other = Database.open(target().options())) {
            ManualClock otherClock = new ManualClock(clock.instant());
            Ledger otherLedger = new Ledger(other.dataSource(), otherClock);
            SettlementService again =
                    new SettlementService(
                            other.dataSource(),
                            otherLedger.reader(),
                            Baselines.standard(),
                            otherClock);
            EventSettlement second = again.settle(EV, RULES);
            EventSettlement secondPjm = again.settle(EV, pjm);
            // THEN the CSV and JSON are byte for byte the same
            assertThat(SettlementExport.csv(second)).isEqualTo(SettlementExport.csv(first));
            assertThat(SettlementExport.json(second)).isEqualTo(SettlementExport.json(first));
            assertThat(SettlementExport.csv(secondPjm)).isEqualTo(SettlementExport.csv(firstPjm));
            assertThat(SettlementExport.json(secondPjm)).isEqualTo(SettlementExport.json(firstPjm));
            // AND they are real settlements, not empty ones: A and B settled, C has no data
            assertThat(second.sites())
                    .extracting(SiteSettlement::status)
                    .containsExactly(
                            SiteSettlement.SETTLED,
                            SiteSettlement.SETTLED,
                            SiteSettlement.INSUFFICIENT_DATA);
        }
    }

    @Test
    void anEventIsDueForSettlementOnceItEndedUntilItsModificationIsSettled() {
        SettlementReports reports = ledger.settlementReports();
        Instant end = START.plus(Duration.ofHours(1));
        // not before its end; from its end on
        assertThat(reports.due(end.minusSeconds(1))).isEmpty();
        assertThat(reports.due(end)).extracting(GridEvent::id).containsExactly(EV);
        // settled while it ran: still due once it ended
        reports.owe(EV, 0, end.minusSeconds(60));
        assertThat(reports.due(end)).extracting(GridEvent::id).containsExactly(EV);
        // settled after its end (its report opened): no longer due
        EventSettlement s = service.settle(EV, RULES);
        reports.owe(EV, s.modificationNumber(), s.computedAt());
        assertThat(reports.due(end.plusSeconds(3600))).isEmpty();
        // a new modification (moved half an hour later) is due again once it ended
        ledger.recordEvent(Samples.event("ev-1", 1, START.plusSeconds(1800), Duration.ofHours(1)));
        assertThat(reports.due(end)).isEmpty();
        assertThat(reports.due(end.plusSeconds(1800)))
                .singleElement()
                .satisfies(e -> assertThat(e.modificationNumber()).isEqualTo(1));
    }

    @Test
    void testEventsAndEventsCancelledBeforeTheirStartAreNeverDue() {
        Instant later = START.plus(Duration.ofDays(1));
        // a test event
        GridEvent test = Samples.event("ev-test", 0, START, Duration.ofHours(1));
        ledger.recordEvent(
                new GridEvent(
                        test.id(),
                        0,
                        null,
                        test.marketContext(),
                        test.priority(),
                        test.createdAt(),
                        test.status(),
                        true,
                        test.responseRequired(),
                        test.start(),
                        test.duration(),
                        test.startAfter(),
                        test.notification(),
                        test.rampUp(),
                        test.recovery(),
                        test.signals(),
                        test.targets()));
        // cancelled an hour before its start: the sites never delivered; recorded as received
        ManualClock received = new ManualClock(START.minusSeconds(7200));
        Ledger vtnSide = new Ledger(db.dataSource(), received);
        vtnSide.recordEvent(Samples.event("ev-early", 0, START, Duration.ofHours(1)));
        vtnSide.recordEvent(Samples.event("ev-late", 0, START, Duration.ofHours(1)));
        received.set(START.minusSeconds(3600));
        vtnSide.recordEvent(
                Samples.event("ev-early", 1, START, Duration.ofHours(1), EventStatus.CANCELLED));
        // cancelled half an hour into it: settled
        received.set(START.plusSeconds(1800));
        vtnSide.recordEvent(
                Samples.event("ev-late", 1, START, Duration.ofHours(1), EventStatus.CANCELLED));

        assertThat(ledger.settlementReports().due(later))
                .extracting(e -> e.id().value())
                .containsExactlyInAnyOrder("ev-1", "ev-late");
    }

    @Test
    void aReportIsOwedUntilReportedAndOwedAgainAfterAFailureAtItsNextAttempt() {
        SettlementReports reports = ledger.settlementReports();
        Instant settled = Instant.parse("2026-07-15T15:05:00Z");
        reports.owe(EV, 0, settled);
        SettlementReportState owed = reports.owed(settled).get(0);
        assertThat(owed.attempts()).isZero();
        assertThat(owed.reported()).isFalse();
        assertThat(reports.owed(settled.minusSeconds(1))).isEmpty();

        // WHEN the send fails: not owed again before the next attempt, then owed with the cause
        Instant next = settled.plusSeconds(60);
        reports.failed(owed, "VTN unreachable", next);
        assertThat(reports.owed(next.minusSeconds(1))).isEmpty();
        SettlementReportState again = reports.owed(next).get(0);
        assertThat(again.attempts()).isEqualTo(1);
        assertThat(again.lastError()).isEqualTo("VTN unreachable");

        // WHEN it is reported: never owed again, the state says when
        assertThat(reports.reported(again, next.plusSeconds(1))).isTrue();
        assertThat(reports.owed(next.plusSeconds(86_400))).isEmpty();
        SettlementReportState done = reports.state(EV, 0).orElseThrow();
        assertThat(done.reportedAt()).isEqualTo(next.plusSeconds(1));
        assertThat(done.lastError()).isNull();
        assertThat(ledger.reader().count(Table.SETTLEMENT_REPORTS)).isEqualTo(1);
    }

    @Test
    void settlingAgainOpensTheReportAgainAndAnOutdatedSendDoesNotCloseIt() {
        SettlementReports reports = ledger.settlementReports();
        Instant first = Instant.parse("2026-07-15T15:05:00Z");
        reports.owe(EV, 0, first);
        SettlementReportState sent = reports.owed(first).get(0);
        reports.reported(sent, first.plusSeconds(1));

        // WHEN the event is settled again: owed again
        Instant second = first.plusSeconds(600);
        reports.owe(EV, 0, second);
        SettlementReportState owed = reports.owed(second).get(0);
        assertThat(owed.settledAt()).isEqualTo(second);
        // AND a send of the first settlement finishing late neither closes nor delays it
        assertThat(reports.reported(sent, second.plusSeconds(1))).isFalse();
        reports.failed(sent, "late", second.plusSeconds(3600));
        assertThat(reports.owed(second)).containsExactly(owed);
    }

    @Test
    void aReportOwedForAnOlderModificationIsSupersededByTheNext() {
        SettlementReports reports = ledger.settlementReports();
        Instant settled = Instant.parse("2026-07-15T15:05:00Z");
        reports.owe(EV, 0, settled);
        ledger.recordEvent(Samples.event("ev-1", 1, START.plusSeconds(1800), Duration.ofHours(1)));
        assertThat(reports.owed(settled.plusSeconds(3600))).isEmpty();
        assertThat(reports.state(EV, 0)).isPresent();
    }
}
