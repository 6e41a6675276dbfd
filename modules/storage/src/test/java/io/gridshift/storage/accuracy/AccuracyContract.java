package io.gridshift.storage.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gridshift.domain.meter.MeterReading;
import io.gridshift.domain.site.SiteId;
import io.gridshift.domain.time.ManualClock;
import io.gridshift.storage.Samples;
import io.gridshift.storage.StorageTarget;
import io.gridshift.storage.baseline.Baselines;
import io.gridshift.storage.db.Database;
import io.gridshift.storage.ledger.Ledger;
import io.gridshift.storage.meter.MeterRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The accuracy report on hand-worked days; on H2 and PostgreSQL. */
abstract class AccuracyContract {
    static final SiteId A = SiteId.of("dc-a");
    static final SiteId B = SiteId.of("dc-b");
    static final LocalDate FIRST = LocalDate.of(2026, 6, 24);
    static final LocalDate EVENT_DAY = LocalDate.of(2026, 7, 10); // a Friday
    static final LocalDate MONDAY = LocalDate.of(2026, 7, 13);
    static final LocalDate TUESDAY = LocalDate.of(2026, 7, 14);

    final ManualClock clock = new ManualClock(Instant.parse("2026-07-20T00:00:00Z"));
    Database db;
    AccuracyService service;

    abstract StorageTarget target();

    @BeforeEach
    void open() {
        db = target().openEmpty();
        Ledger ledger = new Ledger(db.dataSource(), clock);
        service =
                new AccuracyService(db.dataSource(), ledger.reader(), Baselines.standard(), clock);
        // an event of the program on Friday 10 July 14:00-16:00 UTC
        ledger.recordEvent(
                Samples.event(
                        "ev-x", 0, Instant.parse("2026-07-10T14:00:00Z"), Duration.ofHours(2)));
        // A and B draw 100 kW from 10:00 to 16:30 every day from 24 June to 14 July, except: both
        // 500 kW in the event window on 10 July, A 120 kW from 14:00 to 16:00 on Monday 13 July,
        // and B nothing at all on 14 July
        List<MeterReading> rows = new ArrayList<>();
        for (LocalDate d = FIRST; !d.isAfter(TUESDAY); d = d.plusDays(1)) {
            for (int m = 10 * 60; m < 16 * 60 + 30; m++) {
                boolean window = m >= 14 * 60 && m < 16 * 60;
                double kw = window && d.equals(EVENT_DAY) ? 500 : 100;
                rows.add(minute(A, d, m, window && d.equals(MONDAY) ? 120 : kw));
                if (!d.equals(TUESDAY)) {
                    rows.add(minute(B, d, m, kw));
                }
            }
        }
        new MeterRepository(db.dataSource()).insert(rows);
    }

    static MeterReading minute(SiteId site, LocalDate d, int minuteOfDay, double kw) {
        Instant t = d.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(60L * minuteOfDay);
        return new MeterReading(site, t, Duration.ofMinutes(1), kw, kw * 0.8, 6);
    }

    @AfterEach
    void closeDb() {
        db.close();
    }

    static AccuracyRequest request() {
        return new AccuracyRequest(
                Samples.PROGRAM,
                ZoneOffset.UTC,
                Duration.ofMinutes(15),
                EVENT_DAY,
                TUESDAY,
                LocalTime.of(14, 0),
                LocalTime.of(16, 0),
                Duration.ZERO,
                List.of(Baselines.PJM, Baselines.CAISO, Baselines.METER_BEFORE_AFTER));
    }

    @Test
    void eachMethodIsReplayedOnTheNonEventWeekdaysAndComparedWithTheMeteredLoad() {
        AccuracyReport r = service.report(request());
        // 10 July was an event day and 11-12 July a weekend: Monday and Tuesday are tested
        assertThat(r.days()).containsExactly(MONDAY, TUESDAY);
        assertThat(r.sites())
                .extracting(SiteAccuracy::method, SiteAccuracy::site)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Baselines.PJM, A),
                        org.assertj.core.groups.Tuple.tuple(Baselines.PJM, B),
                        org.assertj.core.groups.Tuple.tuple(Baselines.CAISO, A),
                        org.assertj.core.groups.Tuple.tuple(Baselines.CAISO, B),
                        org.assertj.core.groups.Tuple.tuple(Baselines.METER_BEFORE_AFTER, A),
                        org.assertj.core.groups.Tuple.tuple(Baselines.METER_BEFORE_AFTER, B));

        // PJM, A. Monday: the 5 days before (10 July left out) all 100 -> baseline 100, no
        // adjustment (100 - 100), actual 120: error -20 in each of 8 quarter hours. Tuesday: the
        // highest 4 of Mon 13 (120), 9, 8, 7, 6 July (100) -> (120 + 3 x 100) / 4 = 105, actual
        // 100: +5. Over 16 intervals: mean actual (8 x 120 + 8 x 100) / 16 = 110; mean error
        // (8 x -20 + 8 x 5) / 16 = -7.5 kW, bias -7.5 / 110 = -0.068182; mean squared error
        // (8 x 400 + 8 x 25) / 16 = 212.5, rmse 14.577380, cv 14.577380 / 110 = 0.132522
        SiteAccuracy pjm = r.sites().get(0);
        assertThat(pjm.daysUsed()).isEqualTo(2);
        assertThat(pjm.intervals()).isEqualTo(16);
        assertThat(pjm.meanActualKw()).isCloseTo(110, within(1e-9));
        assertThat(pjm.biasKw()).isCloseTo(-7.5, within(1e-9));
        assertThat(pjm.bias()).isCloseTo(-7.5 / 110, within(1e-9));
        assertThat(pjm.rmseKw()).isCloseTo(Math.sqrt(212.5), within(1e-9));
        assertThat(pjm.cvRmse()).isCloseTo(0.132522, within(1e-6));

        // PJM, B: Monday only (no data on Tuesday), flat 100 against 100
        SiteAccuracy pjmB = r.sites().get(1);
        assertThat(pjmB.daysUsed()).isEqualTo(1);
        assertThat(pjmB.daysSkipped()).isEqualTo(1);
        assertThat(pjmB.intervals()).isEqualTo(8);
        assertThat(pjmB.cvRmse()).isZero();
        assertThat(pjmB.bias()).isZero();

        // CAISO, A. Monday: 10 days at 100 -> 100, ratio 100 / 100: -20. Tuesday: Mon 13 (120)
        // and 9 days at 100 -> 1020 / 10 = 102: +2. Mean error (-160 + 16) / 16 = -9 kW, bias
        // -9 / 110 = -0.081818; mean squared (3200 + 32) / 16 = 202, rmse 14.212670, cv 0.129206
        SiteAccuracy caiso = r.sites().get(2);
        assertThat(caiso.biasKw()).isCloseTo(-9, within(1e-9));
        assertThat(caiso.rmseKw()).isCloseTo(Math.sqrt(202), within(1e-9));
        assertThat(caiso.cvRmse()).isCloseTo(0.129206, within(1e-6));

        // meter-before-after, A: before 13:30-14:00 and after 16:00-16:30 both 100 -> 100 on both
        // days: Monday -20, Tuesday 0. Mean error -160 / 16 = -10, bias -0.090909; mean squared
        // 3200 / 16 = 200, rmse 14.142136, cv 0.128565
        SiteAccuracy mba = r.sites().get(4);
        assertThat(mba.bias()).isCloseTo(-10.0 / 110, within(1e-9));
        assertThat(mba.cvRmse()).isCloseTo(0.128565, within(1e-6));

        String[] csv = AccuracyExport.csv(r).split("\n");
        assertThat(csv[0]).isEqualTo(AccuracyExport.CSV_HEADER);
        assertThat(csv[1])
                .isEqualTo("pjm-high-4-of-5,dc-a,2,0,16,110,14.57738,0.132522,-7.5,-0.068182");
        assertThat(AccuracyExport.json(r))
                .contains("\"days\":[\"2026-07-13\",\"2026-07-14\"]")
                .contains(
                        "{\"method\":\"pjm-high-4-of-5\",\"siteId\":\"dc-b\",\"daysUsed\":1,"
                                + "\"daysSkipped\":1,\"intervals\":8,\"meanActualKw\":100.0,"
                                + "\"rmseKw\":0.0,\"cvRmse\":0.0,\"biasKw\":0.0,\"bias\":0.0}");
    }
}
