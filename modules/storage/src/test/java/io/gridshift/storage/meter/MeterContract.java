package io.gridshift.storage.meter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.gridshift.domain.meter.MeterReading;
import io.gridshift.domain.meter.Telemetry;
import io.gridshift.domain.site.SiteId;
import io.gridshift.domain.time.ManualClock;
import io.gridshift.storage.StorageTarget;
import io.gridshift.storage.db.Database;
import io.gridshift.storage.meter.MeterRepository.IntervalLoad;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Meter aggregation and batched writes, run against H2 and PostgreSQL by the subclasses. */
abstract class MeterContract {
    static final Instant T0 = Instant.parse("2026-07-15T10:00:00Z");
    static final SiteId A = SiteId.of("dc-a");
    static final SiteId B = SiteId.of("dc-b");
    static final MeterWriterOptions FAST =
            MeterWriterOptions.DEFAULTS.withTick(Duration.ofMillis(5));

    final ManualClock clock = new ManualClock(T0);
    Database db;
    MeterRepository repository;

    abstract StorageTarget target();

    @BeforeEach
    void open() {
        db = target().openEmpty();
        repository = new MeterRepository(db.dataSource());
    }

    @AfterEach
    void closeDb() {
        db.close();
    }

    static Telemetry reading(SiteId site, long seq, Instant ts, double facilityKw, double itKw) {
        return new Telemetry(site, seq, ts, facilityKw, itKw, facilityKw, 0, null, null);
    }

    @Test
    void telemetryBecomesOneRowPerSiteAndMinuteOnceTheMinuteAndItsGraceHavePassed() {
        try (MeterWriter writer = new MeterWriter(repository, FAST, clock)) {
            // GIVEN three readings of A and one of B in the minute 10:00, one of A in 10:01
            writer.offer(reading(A, 1, T0.plusSeconds(0), 100, 80));
            writer.offer(reading(A, 2, T0.plusSeconds(20), 110, 82));
            writer.offer(reading(A, 3, T0.plusSeconds(40), 120, 84));
            writer.offer(reading(B, 1, T0.plusSeconds(30), 50, 40));
            writer.offer(reading(A, 4, T0.plusSeconds(65), 500, 400));
            // WHEN the clock passes 10:01 plus the 10 s grace
            clock.set(T0.plusSeconds(70));
            // THEN 10:00 is written (A: (100+110+120)/3 = 110 kW, IT (80+82+84)/3 = 82 kW)
            await().atMost(Duration.ofSeconds(10)).until(() -> writer.stats().rowsWritten() == 2);
            assertThat(repository.read(A, T0, T0.plusSeconds(3600)))
                    .containsExactly(new MeterReading(A, T0, Duration.ofMinutes(1), 110, 82, 3));
            assertThat(repository.read(B, T0, T0.plusSeconds(3600)))
                    .containsExactly(new MeterReading(B, T0, Duration.ofMinutes(1), 50, 40, 1));
            // AND 10:01 is still open
            assertThat(writer.stats().openMinutes()).isEqualTo(1);
        }
    }

    @Test
    void closeWritesTheMinuteBeingAggregatedAndTheQueue() {
        MeterWriter writer = new MeterWriter(repository, FAST, clock);
        for (int i = 0; i < 1_000; i++) {
            // 1,000 sites, one reading each in the open minute 10:00
            assertThat(
                            writer.offer(
                                    reading(
                                            SiteId.of("dc-" + i),
                                            1,
                                            T0.plusSeconds(5),
                                            i,
                                            i / 2.0)))
                    .isTrue();
        }
        writer.close();
        assertThat(writer.stats().rowsWritten()).isEqualTo(1_000);
        assertThat(repository.read(SiteId.of("dc-999"), T0, T0.plusSeconds(60)))
                .containsExactly(
                        new MeterReading(
                                SiteId.of("dc-999"), T0, Duration.ofMinutes(1), 999, 499.5, 1));
        assertThat(writer.offer(reading(A, 2, T0, 1, 1))).isFalse();
        assertThat(writer.stats().refused()).isEqualTo(1);
    }

    @Test
    void aReadingForAClosedMinuteIsCountedLateAndDropped() {
        try (MeterWriter writer = new MeterWriter(repository, FAST, clock)) {
            writer.offer(reading(A, 1, T0, 100, 80));
            clock.set(T0.plusSeconds(75));
            await().atMost(Duration.ofSeconds(10)).until(() -> writer.stats().rowsWritten() == 1);
            writer.offer(reading(A, 2, T0.plusSeconds(59), 900, 800));
            await().atMost(Duration.ofSeconds(10)).until(() -> writer.stats().late() == 1);
        }
        assertThat(repository.read(A, T0, T0.plusSeconds(120)))
                .extracting(MeterReading::facilityKw)
                .containsExactly(100.0);
    }

    @Test
    void whenTheDatabaseCannotTakeRowsTheQueueFillsAndOffersAreRefused() {
        // GIVEN a writer whose database is gone, one-row batches and room for 3 readings
        Database gone = Database.open(target().options());
        gone.close();
        MeterWriterOptions tight =
                FAST.withBatchSize(1).withQueueCapacity(3).withOfferTimeout(Duration.ZERO);
        MeterWriter writer = new MeterWriter(new MeterRepository(gone.dataSource()), tight, clock);
        // WHEN readings for ever new minutes keep coming
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(5))
                .until(
                        () -> {
                            long n = writer.stats().accepted() + writer.stats().refused();
                            // each reading in a new minute, and the clock past the one before
                            clock.set(T0.plusSeconds(60 * n + 30));
                            writer.offer(reading(A, n, T0.plusSeconds(60 * n), 10, 5));
                            // THEN offers are refused while the queue is full: checked in the
                            // same poll, because on a busy machine the writer may drain a full
                            // queue it had not reached yet (its 10 waiting batches not yet full)
                            MeterStats now = writer.stats();
                            return now.refused() > 0
                                    && now.queued() == 3
                                    && now.writeFailures() > 0;
                        });
        // AND nothing was written
        assertThat(writer.stats().rowsWritten()).isZero();
        writer.close();
    }

    @Test
    void aMinuteStoredTwiceKeepsTheFirstAndBadIntervalsAreRefused() {
        MeterReading first = new MeterReading(A, T0, Duration.ofMinutes(1), 100, 80, 6);
        repository.insert(List.of(first));
        repository.insert(List.of(new MeterReading(A, T0, Duration.ofMinutes(1), 7, 7, 1)));
        assertThat(repository.read(A, T0, T0.plusSeconds(60))).containsExactly(first);
        assertThatThrownBy(
                        () ->
                                repository.insert(
                                        List.of(
                                                new MeterReading(
                                                        A,
                                                        T0.plusSeconds(1),
                                                        Duration.ofMinutes(1),
                                                        1,
                                                        1,
                                                        1))))
                .hasMessageContaining("start");
        assertThatThrownBy(
                        () ->
                                repository.insert(
                                        List.of(
                                                new MeterReading(
                                                        A, T0, Duration.ofMinutes(5), 1, 1, 1))))
                .hasMessageContaining("interval");
    }

    @Test
    void intervalMeansGroupMinutesIntoSettlementIntervals() {
        // minutes 10:00..10:29 of A at 100 + minute index; B only at 10:20
        List<MeterReading> rows = new java.util.ArrayList<>();
        for (int m = 0; m < 30; m++) {
            rows.add(
                    new MeterReading(
                            A, T0.plusSeconds(60L * m), Duration.ofMinutes(1), 100 + m, 1, 1));
        }
        rows.add(new MeterReading(B, T0.plusSeconds(1200), Duration.ofMinutes(1), 42, 1, 1));
        repository.insert(rows);
        Map<SiteId, Map<Instant, IntervalLoad>> means =
                repository.intervalMeans(T0, T0.plusSeconds(1800), 15);
        // 10:00-10:15: mean of 100..114 = 107; 10:15-10:30: mean of 115..129 = 122
        assertThat(means.get(A))
                .containsEntry(T0, new IntervalLoad(107, 15))
                .containsEntry(T0.plusSeconds(900), new IntervalLoad(122, 15));
        assertThat(means.get(B))
                .containsExactly(Map.entry(T0.plusSeconds(900), new IntervalLoad(42, 1)));
    }

    @Test
    void hourlyEnergyIsTheHoursStoredMinutesAfterAnyLateWriteIsRolledUp() {
        // GIVEN A at 600 kW for all of 10:00-11:00 and at 120 kW for 11:00-11:30 only; B at 60
        // kW in 10:00-10:10, rolled up, then 10:10-10:20 at 120 kW written later (dirty quarter)
        List<MeterReading> rows = new java.util.ArrayList<>();
        for (int m = 0; m < 90; m++) {
            rows.add(minute(A, m, m < 60 ? 600 : 120));
        }
        for (int m = 0; m < 10; m++) {
            rows.add(minute(B, m, 60));
        }
        repository.insert(rows);
        repository.rollUp(T0.plusSeconds(3600));
        List<MeterReading> late = new java.util.ArrayList<>();
        for (int m = 10; m < 20; m++) {
            late.add(minute(B, m, 120));
        }
        repository.insert(late);
        // WHEN every site's hours 10:00-13:00 and then B's alone are read
        Map<SiteId, Map<Instant, MeterRepository.HourlyEnergy>> all =
                repository.hourlyEnergy(T0, T0.plusSeconds(3 * 3600), null);
        // THEN A: 600 kWh over 60 minutes, 60 kWh over 30; 12:00 absent (no minute stored)
        assertThat(all.get(A)).hasSize(2);
        assertThat(all.get(A).get(T0).kwh()).isCloseTo(600, within(1e-9));
        assertThat(all.get(A).get(T0).minutes()).isEqualTo(60);
        assertThat(all.get(A).get(T0.plusSeconds(3600)).kwh()).isCloseTo(60, within(1e-9));
        assertThat(all.get(A).get(T0.plusSeconds(3600)).minutes()).isEqualTo(30);
        // AND B: (10 x 60 + 10 x 120) / 60 = 30 kWh over 20 minutes, the late minutes included
        assertThat(all.get(B).get(T0).kwh()).isCloseTo(30, within(1e-9));
        assertThat(all.get(B).get(T0).minutes()).isEqualTo(20);
        assertThat(repository.hourlyEnergy(T0, T0.plusSeconds(3600), B)).containsOnlyKeys(B);
        assertThatThrownBy(() -> repository.hourlyEnergy(T0.plusSeconds(60), T0, null))
                .hasMessageContaining("must be on the hour");
    }

    private static MeterReading minute(SiteId site, int m, double kw) {
        return new MeterReading(site, T0.plusSeconds(60L * m), Duration.ofMinutes(1), kw, 1, 1);
    }

    @Test
    void theQuarterHourRollupCountsAMinuteStoredTwiceOnce() {
        // GIVEN A at 100 kW in 10:00..10:09, then a batch at 200 kW for 10:05..10:14 of which
        // 10:05..10:09 are already stored (kept at 100) and 10:10..10:14 are new
        List<MeterReading> first = new java.util.ArrayList<>();
        List<MeterReading> second = new java.util.ArrayList<>();
        for (int m = 0; m < 10; m++) {
            first.add(
                    new MeterReading(A, T0.plusSeconds(60L * m), Duration.ofMinutes(1), 100, 1, 1));
        }
        for (int m = 5; m < 15; m++) {
            second.add(
                    new MeterReading(A, T0.plusSeconds(60L * m), Duration.ofMinutes(1), 200, 1, 1));
        }
        repository.insert(first);
        repository.insert(second);
        // THEN 10:00-10:15 is (10 x 100 + 5 x 200) / 15 = 2000 / 15 kW over 15 minutes, from the
        // rollup and from the minute rows alike
        Map<SiteId, Map<Instant, IntervalLoad>> rollup =
                repository.intervalMeans(T0, T0.plusSeconds(900), 15);
        assertThat(rollup.get(A).get(T0).minutes()).isEqualTo(15);
        assertThat(rollup.get(A).get(T0).kw()).isCloseTo(2000.0 / 15, within(1e-9));
        long minute = T0.getEpochSecond() / 60;
        assertThat(repository.minuteMeans(minute, minute + 15, 15)).isEqualTo(rollup);
    }

    @Test
    void theRollupEqualsTheMinuteRowsForEveryIntervalThatIsAMultipleOfFifteenMinutes() {
        // GIVEN 3 sites, 2 hours with gaps, written in batches of 37 rows, then 60 of those minutes
        // again at other values (ignored by the minute table, so also by the rollup)
        java.util.Random random = new java.util.Random(7);
        List<MeterReading> rows = new java.util.ArrayList<>();
        for (int m = 0; m < 120; m++) {
            for (int s = 0; s < 3; s++) {
                if (random.nextInt(10) > 0) {
                    rows.add(
                            new MeterReading(
                                    SiteId.of("dc-" + s),
                                    T0.plusSeconds(60L * m),
                                    Duration.ofMinutes(1),
                                    500 + random.nextInt(1000) / 8.0,
                                    1,
                                    6));
                }
            }
        }
        for (int i = 0; i < rows.size(); i += 37) {
            repository.insert(rows.subList(i, Math.min(rows.size(), i + 37)));
        }
        repository.insert(
                rows.subList(100, 160).stream()
                        .map(r -> new MeterReading(r.site(), r.start(), r.interval(), 1, 1, 1))
                        .toList());
        long minute = T0.getEpochSecond() / 60;
        for (int interval : new int[] {15, 30, 60}) {
            Map<SiteId, Map<Instant, IntervalLoad>> rollup =
                    repository.intervalMeans(T0, T0.plusSeconds(7200), interval);
            Map<SiteId, Map<Instant, IntervalLoad>> minutes =
                    repository.minuteMeans(minute, minute + 120, interval);
            assertThat(rollup.keySet()).isEqualTo(minutes.keySet()).hasSize(3);
            minutes.forEach(
                    (site, series) -> {
                        assertThat(rollup.get(site).keySet()).isEqualTo(series.keySet());
                        series.forEach(
                                (start, load) -> {
                                    IntervalLoad r = rollup.get(site).get(start);
                                    assertThat(r.minutes()).isEqualTo(load.minutes());
                                    assertThat(r.kw()).isCloseTo(load.kw(), within(1e-9));
                                });
                    });
        }
        // AND a rebuild from the minute rows gives the same rollup
        Map<SiteId, Map<Instant, IntervalLoad>> before =
                repository.intervalMeans(T0, T0.plusSeconds(7200), 15);
        assertThat(repository.rebuildQuarterHours(T0, T0.plusSeconds(7200))).isEqualTo(3 * 8);
        Map<SiteId, Map<Instant, IntervalLoad>> after =
                repository.intervalMeans(T0, T0.plusSeconds(7200), 15);
        after.forEach(
                (site, series) ->
                        series.forEach(
                                (start, load) ->
                                        assertThat(load.kw())
                                                .isCloseTo(
                                                        before.get(site).get(start).kw(),
                                                        within(1e-9))));
    }

    @Test
    void aQuarterWrittenToAfterItsRollupIsRolledUpAgainBeforeItIsRead() {
        // GIVEN A at 100 kW in 10:00..10:09, rolled up (10:00-10:15 closed by the writer's call)
        List<MeterReading> first = new java.util.ArrayList<>();
        for (int m = 0; m < 10; m++) {
            first.add(
                    new MeterReading(A, T0.plusSeconds(60L * m), Duration.ofMinutes(1), 100, 1, 1));
        }
        repository.insert(first);
        assertThat(dirtyQuarters()).isEqualTo(1);
        assertThat(repository.rollUp(T0.plusSeconds(900))).isEqualTo(1);
        assertThat(dirtyQuarters()).isZero();
        assertThat(repository.rollUp(T0.plusSeconds(900))).isZero();
        // WHEN 10:10..10:14 arrive at 400 kW afterwards (a retried batch, another node)
        List<MeterReading> later = new java.util.ArrayList<>();
        for (int m = 10; m < 15; m++) {
            later.add(
                    new MeterReading(A, T0.plusSeconds(60L * m), Duration.ofMinutes(1), 400, 1, 1));
        }
        repository.insert(later);
        // THEN the quarter is marked again, and read as (10 x 100 + 5 x 400) / 15 = 200 kW
        assertThat(dirtyQuarters()).isEqualTo(1);
        assertThat(repository.intervalMeans(T0, T0.plusSeconds(900), 15).get(A))
                .containsExactly(Map.entry(T0, new IntervalLoad(200, 15)));
        assertThat(dirtyQuarters()).isZero();
    }

    @Test
    void theWriterRollsUpEachQuarterOnceItHasWrittenItsLastMinute() {
        try (MeterWriter writer = new MeterWriter(repository, FAST, clock)) {
            // GIVEN A at 100 + m kW each minute m of 10:00..10:15
            for (int m = 0; m <= 15; m++) {
                writer.offer(reading(A, m, T0.plusSeconds(60L * m), 100 + m, 1));
            }
            // WHEN the clock passes 10:15 plus the grace: 10:00..10:14 are closed
            clock.set(T0.plusSeconds(900 + 11));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> writer.stats().quartersRolledUp() == 1);
            // THEN the quarter 10:00-10:15 is rolled up (mean of 100..114 = 107) and not marked
            assertThat(dirtyQuarters()).isZero();
            assertThat(writer.stats().rowsWritten()).isEqualTo(15);
            assertThat(quarterRow(T0)).containsExactly(15 * 107.0, 15.0);
        }
        // AND close writes 10:15 and rolls its quarter up too
        assertThat(dirtyQuarters()).isZero();
        assertThat(quarterRow(T0.plusSeconds(900))).containsExactly(115.0, 1.0);
    }

    @Test
    void concurrentWritersAndRollUpsLeaveTheRollupEqualToTheMinuteRows() throws Exception {
        // GIVEN 4 writers each inserting their own 50 sites' 15 minutes of 10:00-10:15 in batches
        // of 25 rows while another thread rolls the quarter up again and again
        java.util.concurrent.atomic.AtomicBoolean done =
                new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.ExecutorService pool =
                java.util.concurrent.Executors.newFixedThreadPool(5);
        try {
            java.util.concurrent.Future<?> rollups =
                    pool.submit(
                            () -> {
                                while (!done.get()) {
                                    repository.rollUp(T0.plusSeconds(900));
                                }
                            });
            List<java.util.concurrent.Future<?>> writers = new java.util.ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                writers.add(pool.submit(() -> writeSites(writer)));
            }
            for (java.util.concurrent.Future<?> f : writers) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
            done.set(true);
            rollups.get(60, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        // THEN whatever was rolled up meanwhile, a read gives every site's exact mean
        Map<SiteId, Map<Instant, IntervalLoad>> means =
                repository.intervalMeans(T0, T0.plusSeconds(900), 15);
        assertThat(means).hasSize(200);
        means.forEach(
                (site, series) -> {
                    int s = Integer.parseInt(site.value().substring(2));
                    // minutes 0..14 at s + m kW: mean s + 7
                    assertThat(series).containsExactly(Map.entry(T0, new IntervalLoad(s + 7, 15)));
                });
    }

    private void writeSites(int writer) {
        List<MeterReading> rows = new java.util.ArrayList<>();
        for (int s = writer * 50; s < writer * 50 + 50; s++) {
            for (int m = 0; m < 15; m++) {
                rows.add(
                        new MeterReading(
                                SiteId.of("s-" + s),
                                T0.plusSeconds(60L * m),
                                Duration.ofMinutes(1),
                                s + m,
                                1,
                                1));
            }
        }
        java.util.Collections.shuffle(rows, new java.util.Random(writer));
        for (int i = 0; i < rows.size(); i += 25) {
            repository.insert(rows.subList(i, Math.min(rows.size(), i + 25)));
        }
    }

    private int dirtyQuarters() {
        return count("SELECT COUNT(*) FROM meter_dirty_quarters");
    }

    private int count(String sql) {
        try (java.sql.Connection c = db.dataSource().getConnection();
                java.sql.Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A's rollup row of the quarter starting at {@code start}: sum and minutes. */
    private double[] quarterRow(Instant start) {
        try (java.sql.Connection c = db.dataSource().getConnection();
                java.sql.PreparedStatement ps =
                        c.prepareStatement(
                                "SELECT facility_kw_sum, minutes FROM meter_quarter_hours"
                                        + " WHERE quarter_utc = ? AND site_id = ?")) {
            ps.setLong(1, start.getEpochSecond() / 900);
            ps.setString(2, A.value());
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("rollup row of " + start).isTrue();
                return new double[] {rs.getDouble(1), rs.getInt(2)};
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
