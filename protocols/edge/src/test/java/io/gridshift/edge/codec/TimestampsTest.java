package io.gridshift.edge.codec;

import static io.gridshift.edge.codec.Gen.forAll;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The hand-written timestamp path agrees with {@code java.time} wherever it answers. */
class TimestampsTest {

    static LongStream seeds() {
        return Gen.seeds();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void formatWritesWhatInstantToStringWritesAndParsesBack(long seed) {
        forAll(
                seed,
                250,
                TimestampsTest::instant,
                t -> {
                    char[] out = new char[Timestamps.MAX_FORMATTED];

                    int n = Timestamps.format(t, out);

                    assertThat(new String(out, 0, n)).isEqualTo(t.toString());
                    assertThat(Timestamps.parseFast(out, 0, n)).isEqualTo(t);
                });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theFastPathAnswersExactlyWhenJavaTimeAcceptsTheText(long seed) {
        forAll(
                seed,
                250,
                TimestampsTest::fastShaped,
                text -> {
                    Instant fast = Timestamps.parseFast(text.toCharArray(), 0, text.length());
                    Instant slow;
                    try {
                        slow = DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
                    } catch (DateTimeException e) {
                        slow = null;
                    }
                    assertThat(fast).as(text).isEqualTo(slow);
                });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void epochDaysMatchJavaTime(long seed) {
        forAll(
                seed,
                125,
                g -> LocalDate.of(g.between(0, 9999), g.between(1, 12), g.between(1, 28)),
                date ->
                        assertThat(
                                        Timestamps.epochDay(
                                                date.getYear(),
                                                date.getMonthValue(),
                                                date.getDayOfMonth()))
                                .isEqualTo(date.toEpochDay()));
    }

    @Test
    void otherIsoFormsTakeTheSlowPath() {
        assertThat(Timestamps.parse("2026-07-01T08:00:00+02:00"))
                .isEqualTo(Instant.parse("2026-07-01T06:00:00Z"));
        assertThat(Timestamps.parse("2026-07-01T06:00Z"))
                .isEqualTo(Instant.parse("2026-07-01T06:00:00Z"));
        assertThat(Timestamps.parse("2024-02-29T23:59:59.5Z"))
                .isEqualTo(Instant.parse("2024-02-29T23:59:59.500Z"));
        assertThat(Timestamps.parseFast("2026-07-01T06:00:05.Z".toCharArray(), 0, 21)).isNull();
    }

    /** Year 0 to 9999, whole seconds or milli-, micro- or nanosecond precision. */
    private static Instant instant(Gen g) {
        long seconds = g.between(-62_167_219_200L, 253_402_300_799L);
        int nanos =
                switch (g.index(4)) {
                    case 0 -> 0;
                    case 1 -> g.between(1, 999) * 1_000_000;
                    case 2 -> g.between(1, 999_999) * 1_000;
                    default -> g.between(1, 999_999_999);
                };
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** yyyy-MM-ddTHH:mm:ss[.f]Z with fields out of range too (month 13, 30 February, 24:00). */
    private static String fastShaped(Gen g) {
        String fraction = g.oneIn(2) ? "" : "." + g.chars("0123456789", g.between(1, 9));
        return String.format(
                "%04d-%02d-%02dT%02d:%02d:%02d%sZ",
                g.between(0, 9999),
                g.between(0, 13),
                g.between(0, 32),
                g.between(0, 24),
                g.between(0, 60),
                g.between(0, 60),
                fraction);
    }
}
