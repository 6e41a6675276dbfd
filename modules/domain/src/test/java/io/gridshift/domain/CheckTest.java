package io.gridshift.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.InvalidFieldException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckTest {

    @Test
    void nanAndInfinityAreRefusedAsNotFinite() {
        for (double bad :
                new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThatThrownBy(() -> Check.powerKw("itKw", bad))
                    .isInstanceOfSatisfying(
                            InvalidFieldException.class,
                            e -> {
                                assertThat(e.field()).isEqualTo("itKw");
                                assertThat(e.rule()).isEqualTo("finite");
                                assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                            });
        }
    }

    @Test
    void negativeAndAbsurdPowerAreOutOfRange() {
        assertThatThrownBy(() -> Check.powerKw("facilityKw", -1))
                .hasMessage("facilityKw: must be between 0 and 5000000 (rule range, got -1.0)");
        assertThatThrownBy(() -> Check.powerKw("facilityKw", 6e6))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("rule range");
        assertThat(Check.signedPowerKw("gridImportKw", -250.0)).isEqualTo(-250.0);
    }

    @Test
    void hugeTextIsRefusedAndShortenedInTheMessage() {
        String huge = "x".repeat(100_000);
        assertThatThrownBy(() -> Check.text("reason", huge))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class,
                        e -> {
                            assertThat(e.rule()).isEqualTo("length");
                            assertThat(e.getMessage())
                                    .hasSizeLessThan(200)
                                    .contains("100002 chars");
                        });
    }

    @Test
    void controlCharactersInTextAreRefused() {
        assertThatThrownBy(() -> Check.text("name", "a\u0000b"))
                .hasMessageContaining("control characters");
    }

    @Test
    void durationsAndOrderAreChecked() {
        assertThatThrownBy(
                        () -> Check.duration("rampS", Duration.ofSeconds(-1), Duration.ofHours(1)))
                .hasMessageContaining("rampS");
        Instant t = Instant.parse("2026-07-01T06:00:00Z");
        assertThatThrownBy(() -> Check.after("end", t, "start", t))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class, e -> assertThat(e.rule()).isEqualTo("order"));
    }

    @Test
    void sizeNamesTheCount() {
        assertThatThrownBy(() -> Check.size("signals", List.of(), 1, 64))
                .hasMessage("signals: must have between 1 and 64 entries (rule size, got 0)");
    }

    @Test
    void nestedErrorsCarryTheirPath() {
        InvalidFieldException e =
                new InvalidFieldException("reductionKw", "range", -5, "must be >= 0");
        assertThat(e.under("actions[3]").field()).isEqualTo("actions[3].reductionKw");
        assertThat(e.under("actions[3]").getMessage())
                .isEqualTo("actions[3].reductionKw: must be >= 0 (rule range, got -5)");
    }

    @Test
    void valuesCannotForgeLogLines() {
        InvalidFieldException e =
                new InvalidFieldException("site", "pattern", "dc\nFORGED line", "must match");
        assertThat(e.getMessage()).doesNotContain("\n").contains("dc\\u000aFORGED line");
    }

    @Test
    void loneSurrogatesAreRefusedButPairsPass() {
        assertThat(Check.text("name", "site \uD83D\uDE00")).isEqualTo("site \uD83D\uDE00");
        assertThatThrownBy(() -> Check.text("name", "bad \uD83D"))
                .hasMessageContaining("lone surrogate");
        assertThatThrownBy(() -> Check.text("name", "\uDE00 bad"))
                .hasMessageContaining("lone surrogate");
    }

    @Test
    void theCauseTravelsWithANestedError() {
        var cause = new IllegalStateException("parser said so");
        var e = new InvalidFieldException("ts", "syntax", "x", "must be a timestamp", cause);
        assertThat(e.under("actions[0]").getCause()).isSameAs(cause);
    }
}
