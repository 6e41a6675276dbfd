package io.gridshift.openadr.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridshift.domain.error.InvalidFieldException;
import java.time.Duration;
import java.time.Instant;
import javax.xml.datatype.DatatypeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class XcalTimeTest {

    @ParameterizedTest
    @CsvSource({
        "PT1H, 3600",
        "PT30M, 1800",
        "PT90S, 90",
        "P1D, 86400",
        "P1DT2H30M, 95400",
        "P2W, 1209600",
        "+PT5M, 300",
        "PT0S, 0"
    })
    void readsXcalDurations(String text, long seconds) {
        assertThat(XcalTime.duration("d", text)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest
    @ValueSource(strings = {"P1M", "P1Y", "-PT1H", "PT", "1H", "PT1.5H"})
    void refusesDurationsWithoutAFixedLengthOrSign(String text) {
        assertThatThrownBy(() -> XcalTime.duration("x-eiRampUp", text))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith("x-eiRampUp: must be an xCal duration");
    }

    @ParameterizedTest
    @CsvSource({"0, PT0S", "1800, PT30M", "5400, PT1H30M", "86400, PT24H", "90061, PT25H1M1S"})
    void writesDurationsInHoursMinutesSeconds(long seconds, String text) {
        assertThat(XcalTime.text(Duration.ofSeconds(seconds))).isEqualTo(text);
        assertThat(XcalTime.duration("d", text)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @Test
    void dateTimesAreUtc() {
        Instant t = Instant.parse("2025-07-15T17:00:00Z");
        var noZone =
                DatatypeFactory.newDefaultInstance().newXMLGregorianCalendar("2025-07-15T17:00:00");

        assertThat(XcalTime.dateTime(t).toXMLFormat()).isEqualTo("2025-07-15T17:00:00Z");
        assertThat(XcalTime.instant("dtstart", XcalTime.dateTime(t))).isEqualTo(t);
        assertThat(XcalTime.instant("dtstart", noZone)).isEqualTo(t);
        assertThatThrownBy(() -> XcalTime.instant("dtstart", null))
                .hasMessageContaining("dtstart: is required");
    }
}
