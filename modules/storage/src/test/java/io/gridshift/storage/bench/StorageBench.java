package io.gridshift.storage.bench;

import io.gridshift.domain.event.EventId;
import io.gridshift.domain.meter.Telemetry;
import io.gridshift.domain.site.SiteId;
import io.gridshift.domain.time.ManualClock;
import io.gridshift.fixtures.postgres.PostgresServer;
import io.gridshift.storage.Samples;
import io.gridshift.storage.baseline.Baselines;
import io.gridshift.storage.db.Database;
import io.gridshift.storage.db.StorageOptions;
import io.gridshift.storage.ledger.Bid;
import io.gridshift.storage.ledger.Ledger;
import io.gridshift.storage.meter.MeterRepository;
import io.gridshift.storage.meter.MeterStats;
import io.gridshift.storage.meter.MeterWriter;
import io.gridshift.storage.meter.MeterWriterOptions;
import io.gridshift.storage.settlement.EventSettlement;
import io.gridshift.storage.settlement.ProgramRules;
import io.gridshift.storage.settlement.SettlementService;
import io.gridshift.storage.settlement.SiteSettlement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * Prints the ledger's figures against the fixture's PostgreSQL: meter rows per second through the
 * MeterWriter (goal 20,000/s sustained) and the settlement of a 4-hour event for 1,000 sites (goal
 * 2 s). Never fails on a number. Args: [sites for ingest, default 2000] [minutes, default 60].
 */
@SuppressWarnings("checkstyle:noPrint")
public final class StorageBench {
    private StorageBench() {}

    public static void main(String[] argv) throws Exception {
        // Maven passes ${bench.args} as one argument
        String[] args = String.join(" ", argv).trim().split("\\s+");
        int sites = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0]) : 2000;
        int minutes = args.length > 1 && !args[1].isBlank() ? Integer.parseInt(args[1]) : 60;
        try (PostgresServer pg = PostgresServer.start();
                Database db = Database.open(StorageOptions.postgres(pg.jdbcUrl(), pg.user(), ""))) {
            ingest(db, sites, minutes);
            if (!String.join(" ", argv).contains("ingest-only")) {
                settle(db);
            }
        }
    }

    /** Telemetry every 10 s from every site for {@code minutes} simulated minutes. */
    private static void ingest(Database db, int sites, int minutes) {
        Instant t0 = Instant.parse("2026-06-01T00:00:00Z");
        ManualClock clock = new ManualClock(t0);
        SiteId[] ids = new SiteId[sites];
        for (int s = 0; s < sites; s++) {
            ids[s] = SiteId.of("dc-" + s);
        }
        MeterWriterOptions options =
                MeterWriterOptions.DEFAULTS.withOfferTimeout(Duration.ofSeconds(5));
        long begin = System.nanoTime();
        MeterWriter writer = new MeterWriter(new MeterRepository(db.dataSource()), options, clock);
        long seq = 0;
        for (int m = 0; m < minutes; m++) {
            for (int k = 0; k < 6; k++) {
                Instant ts = t0.plusSeconds(60L * m + 10L * k);
                for (int s = 0; s < sites; s++) {
                    double kw = 1000 + s % 100 + k;
                    writer.offer(new Telemetry(ids[s], seq++, ts, kw, kw * 0.7, kw, 0, null, null));
                }
            }
            // time moves on only as fast as the writer reads: real telemetry arrives in real time
            // polled every 0.2 ms, not in a busy loop: stats() takes the queue's lock, and a
            // spinning producer fought the writer's drain for it (JFR showed it)
            while (writer.stats().queued() > 0) {
                LockSupport.parkNanos(200_000);
            }
            clock.set(t0.plusSeconds(60L * (m + 1) + 15));
        }
        writer.close();
        double seconds = (System.nanoTime() - begin) / 1e9;
        MeterStats st = writer.stats();
        System.out.printf(
                Locale.ROOT,
                "meter ingest: %d rows (%d telemetry, %d refused, %d late) in %.2f s = %.0f rows/s,"
                        + " %.0f telemetry/s (goal >= 20000 rows/s)%n",
                st.rowsWritten(),
                st.accepted(),
                st.refused(),
                st.late(),
                seconds,
                st.rowsWritten() / seconds,
                st.accepted() / seconds);
    }

    /** 1,000 sites, 15 weekdays of history in the windows PJM reads, a 4-hour event. */
    private static void settle(Database db) throws SQLException {
        Instant start = Instant.parse("2026-07-15T14:00:00Z");
        int sites = 1000;
        // history: for each of the 21 days before and the event day, 09:00-18:00 by the minute
        long loadBegin = System.nanoTime();
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            for (int day = 0; day <= 21; day++) {
                long from =
                        start.minus(Duration.ofDays(day))
                                        .minus(Duration.ofHours(5))
                                        .getEpochSecond()
                                / 60;
                s.executeUpdate(
                        "INSERT INTO meter_intervals SELECT m, 'ds-' || i, 900 + (m % 60) + i % 50"
                                + (day == 0
                                        ? " - CASE WHEN m >= "
                                                + start.getEpochSecond() / 60
                                                + " THEN 200 ELSE 0 END"
                                        : "")
                                + ", 600, 6 FROM generate_series("
                                + from
                                + ", "
                                + (from + 540 - 1)
                                + ") m, generate_series(0, "
                                + (sites - 1)
                                + ") i");
            }
            s.execute("ANALYZE meter_intervals");
        }
        System.out.printf(
                Locale.ROOT,
                "settlement fixture: 22 days x 9 h x %d sites loaded in %.1f s%n",
                sites,
                (System.nanoTime() - loadBegin) / 1e9);
        rollUp(db, start);
        ManualClock clock = new ManualClock(Instant.parse("2026-07-16T00:00:00Z"));
        Ledger ledger = new Ledger(db.dataSource(), clock);
        EventId ev = EventId.of("bench-ev");
        ledger.recordEvent(Samples.event("bench-ev", 0, start, Duration.ofHours(4)));
        for (int i = 0; i < sites; i++) {
            ledger.recordBid(new Bid(ev, SiteId.of("ds-" + i), 150, start.minusSeconds(7200)));
        }
        SettlementService service =
                new SettlementService(
                        db.dataSource(), ledger.reader(), Baselines.standard(), clock);
        for (String method :
                new String[] {Baselines.PJM, Baselines.CAISO, Baselines.METER_BEFORE_AFTER}) {
            ProgramRules rules =
                    new ProgramRules(
                            Samples.PROGRAM,
                            method,
                            Duration.ofMinutes(15),
                            ZoneOffset.UTC,
                            10,
                            0.5,
                            0.9,
                            20,
                            1.2);
            for (int run = 1; run <= 3; run++) {
                long begin = System.nanoTime();
                EventSettlement s = service.settle(ev, rules);
                double seconds = (System.nanoTime() - begin) / 1e9;
                long settled =
                        s.sites().stream()
                                .filter(x -> x.status().equals(SiteSettlement.SETTLED))
                                .count();
                System.out.printf(
                        Locale.ROOT,
                        "settlement %s run %d: %d sites (%d settled), 4 h event, 15-min intervals:"
                                + " %.3f s (goal <= 2 s), net %.2f%n",
                        method,
                        run,
                        s.sites().size(),
                        settled,
                        seconds,
                        s.netPayment());
            }
        }
    }

    /** The fixture's rows went around the MeterRepository: roll them up as it would have. */
    private static void rollUp(Database db, Instant start) throws SQLException {
        long rollupBegin = System.nanoTime();
        int quarters =
                new MeterRepository(db.dataSource())
                        .rebuildQuarterHours(
                                start.minus(Duration.ofDays(22)), start.plus(Duration.ofDays(1)));
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("ANALYZE meter_quarter_hours");
        }
        System.out.printf(
                Locale.ROOT,
                "settlement fixture: %d quarter-hour rows rebuilt in %.1f s%n",
                quarters,
                (System.nanoTime() - rollupBegin) / 1e9);
    }
}
