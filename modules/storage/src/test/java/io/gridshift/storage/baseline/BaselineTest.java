package io.gridshift.storage.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every built-in baseline against examples worked out by hand (hourly intervals, UTC). */
class BaselineTest {
    static final Baselines STD = Baselines.standard();
    // Wednesday 15 July 2026, event 14:00-16:00: two hourly intervals
    static final LocalDate EVENT_DAY = LocalDate.of(2026, 7, 15);
    static final Instant START = Instant.parse("2026-07-15T14:00:00Z");
    static final Instant END = Instant.parse("2026-07-15T16:00:00Z");
    // Wednesday 8 July had an event of the program: never a baseline day
    static final BaselineRequest REQUEST =
            new BaselineRequest(
                    START,
                    END,
                    Duration.ZERO,
                    Duration.ofHours(1),
                    ZoneOffset.UTC,
                    Set.of(LocalDate.of(2026, 7, 8)));

    final LoadSeries load = new LoadSeries();

    /** Sets a day's load: 10:00, 11:00, 12:00 (the adjustment window) and 14:00, 15:00. */
    void day(LocalDate d, double adjustKw, double at14, double at15) {
        Instant midnight = d.atStartOfDay(ZoneOffset.UTC).toInstant();
        for (int h = 10; h <= 12; h++) {
            load.put(midnight.plus(Duration.ofHours(h)), adjustKw);
        }
        load.put(midnight.plus(Duration.ofHours(14)), at14);
        load.put(midnight.plus(Duration.ofHours(15)), at15);
    }

    static LocalDate july(int day) {
        return LocalDate.of(2026, 7, day);
    }

    @Test
    void pjmHigh4of5SkipsWeekendsEventDaysAndGapsThenAddsTheDayOfDifference() {
        // Candidates back from Wed 15: Tue 14, Mon 13, (Sun 12, Sat 11 weekend), Fri 10, Thu 9,
        // (Wed 8 event day), Tue 7, Mon 6. Thu 9 misses 15:00, so the 5 days are 14, 13, 10, 7, 6.
        day(july(14), 90, 100, 110); // event-window mean 105
        day(july(13), 90, 90, 90); // 90
        day(july(12), 90, 500, 500); // Sunday: never used
        day(july(10), 90, 120, 100); // 110
        day(july(9), 90, 300, 300);
        load.remove(Instant.parse("2026-07-09T15:00:00Z")); // the gap
        day(july(8), 90, 400, 400); // event day: never used
        day(july(7), 90, 100, 100); // 100
        day(july(6), 90, 80, 80); // 80, lowest: dropped
        day(EVENT_DAY, 99, 0, 0); // 10:00-13:00 today: 99 kW
        // High 4: 10 (110), 14 (105), 7 (100), 13 (90).
        // 14:00: (120 + 100 + 100 + 90) / 4 = 102.5; 15:00: (100 + 110 + 100 + 90) / 4 = 100.
        // Adjustment window 10:00-13:00 (3 h ending 1 h before 14:00): today 99, days 90: +9.
        BaselineCurve c = STD.byName(Baselines.PJM).compute(REQUEST, load);
        assertThat(c.days()).containsExactly(july(14), july(13), july(10), july(7));
        assertThat(c.adjustment()).isCloseTo(9, within(1e-9));
        assertThat(c.kw().get(0)).isCloseTo(111.5, within(1e-9));
        assertThat(c.kw().get(1)).isCloseTo(109, within(1e-9));
    }

    /**
     * Ten weekdays from 1 to 14 July without the event day 8 July: 1,2,3,6,7,9,10,13,14 + 30 June.
     */
    static final List<LocalDate> TEN =
            List.of(
                    LocalDate.of(2026, 6, 30),
                    july(1),
                    july(2),
                    july(3),
                    july(6),
                    july(7),
                    july(9),
                    july(10),
                    july(13),
                    july(14));

    @Test
    void caiso10of10AveragesTenDaysAndCapsTheRatioAt20Percent() {
        // day i (0..9) at 100 + 2i kW in both event hours: mean = 100 + 2 * 4.5 = 109
        for (int i = 0; i < 10; i++) {
            day(TEN.get(i), 100, 100 + 2 * i, 100 + 2 * i);
        }
        day(EVENT_DAY, 130, 0, 0);
        // ratio today/days over 10:00-13:00 = 130 / 100 = 1.3, held at 1.2: 109 * 1.2 = 130.8
        BaselineCurve c = STD.byName(Baselines.CAISO).compute(REQUEST, load);
        assertThat(c.days()).hasSize(10).containsAll(TEN);
        assertThat(c.adjustment()).isCloseTo(1.2, within(1e-9));
        assertThat(c.kw()).allSatisfy(v -> assertThat(v).isCloseTo(130.8, within(1e-9)));

        // a ratio inside the cap is applied as is: 90 / 100 = 0.9, 109 * 0.9 = 98.1
        day(EVENT_DAY, 90, 0, 0);
        BaselineCurve lower = STD.byName(Baselines.CAISO).compute(REQUEST, load);
        assertThat(lower.kw()).allSatisfy(v -> assertThat(v).isCloseTo(98.1, within(1e-9)));
    }

    @Test
    void weekday10AdditiveAddsTheWholeDifference() {
        // same ten days: mean 109; today 130 over the window vs 100: +30, no cap: 139
        for (int i = 0; i < 10; i++) {
            day(TEN.get(i), 100, 100 + 2 * i, 100 + 2 * i);
        }
        day(EVENT_DAY, 130, 0, 0);
        BaselineCurve c = STD.byName(Baselines.WEEKDAY_10).compute(REQUEST, load);
        assertThat(c.adjustment()).isCloseTo(30, within(1e-9));
        assertThat(c.kw()).allSatisfy(v -> assertThat(v).isCloseTo(139, within(1e-9)));
    }

    @Test
    void tooFewEligibleDaysIsNamedNotGuessed() {
        day(july(14), 90, 100, 100);
        day(EVENT_DAY, 90, 0, 0);
        assertThatThrownBy(() -> STD.byName(Baselines.PJM).compute(REQUEST, load))
                .isInstanceOf(BaselineUnavailableException.class)
                .hasMessageContaining("1 eligible days of the 5 needed");
    }

    @Test
    void meterBeforeAfterDrawsTheLineBetweenBothWindows() {
        // 5-minute intervals; event 14:00-14:20; 30 min before at 100 and 104 (mean 102);
        // 30 min after at 110 and 114 (mean 112)
        BaselineRequest fast =
                new BaselineRequest(
                        START,
                        START.plus(Duration.ofMinutes(20)),
                        Duration.ZERO,
                        Duration.ofMinutes(5),
                        ZoneOffset.UTC,
                        Set.of());
        for (int m = 0; m < 30; m += 5) {
            load.put(START.minus(Duration.ofMinutes(30 - m)), m < 15 ? 100 : 104);
            load.put(START.plus(Duration.ofMinutes(20 + m)), m < 15 ? 110 : 114);
        }
        // midpoints at 2.5, 7.5, 12.5, 17.5 of 20 min: 102 + 10 * (0.125, 0.375, 0.625, 0.875)
        BaselineCurve c = STD.byName(Baselines.METER_BEFORE_AFTER).compute(fast, load);
        assertThat(c.kw().get(0)).isCloseTo(103.25, within(1e-9));
        assertThat(c.kw().get(1)).isCloseTo(105.75, within(1e-9));
        assertThat(c.kw().get(2)).isCloseTo(108.25, within(1e-9));
        assertThat(c.kw().get(3)).isCloseTo(110.75, within(1e-9));
        // before the after window is metered: flat at 102
        LoadSeries onlyBefore = new LoadSeries();
        for (int m = 0; m < 30; m += 5) {
            onlyBefore.put(START.minus(Duration.ofMinutes(30 - m)), m < 15 ? 100 : 104);
        }
        assertThat(STD.byName(Baselines.METER_BEFORE_AFTER).compute(fast, onlyBefore).kw())
                .allSatisfy(v -> assertThat(v).isCloseTo(102, within(1e-9)));
    }

    @Test
    void anUnknownMethodOrIntervalIsRefusedByName() {
        assertThatThrownBy(() -> STD.byName("nope"))
                .hasMessageContaining("baselineMethod")
                .hasMessageContaining(Baselines.PJM);
        assertThatThrownBy(
                        () ->
                                new BaselineRequest(
                                        START,
                                        END,
                                        Duration.ZERO,
                                        Duration.ofMinutes(7),
                                        ZoneOffset.UTC,
                                        Set.of()))
                .hasMessageContaining("interval");
    }
}
