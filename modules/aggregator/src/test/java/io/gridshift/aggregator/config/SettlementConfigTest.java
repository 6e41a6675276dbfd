package io.gridshift.aggregator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridshift.aggregator.ledger.AutoSettlementOptions;
import io.gridshift.domain.error.InvalidFieldException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettlementConfigTest {
    static AutoSettlementOptions auto(Map<String, String> env) {
        return AggregatorConfig.options(AggregatorConfig.load(null, env)).ledger().auto();
    }

    @Test
    void byDefaultEndedEventsAreSettledFiveMinutesLaterAndReportsRetriedUpToAnHour() {
        AutoSettlementOptions a = auto(Map.of());
        assertThat(a).isEqualTo(AutoSettlementOptions.defaults());
        assertThat(a.enabled()).isTrue();
        assertThat(a.delay()).isEqualTo(Duration.ofMinutes(5));
        // 1, 2, 4, ... minutes, never more than 60
        assertThat(a.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(a.backoff(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(a.backoff(7)).isEqualTo(Duration.ofMinutes(60));
        assertThat(a.backoff(1000)).isEqualTo(Duration.ofMinutes(60));
    }

    @Test
    void zeroOrANegativeDelayTurnsAutomaticSettlementOff() {
        assertThat(auto(Map.of("GRIDSHIFT_AGGREGATOR_SETTLEMENT_AUTO_DELAY_MIN", "0")).enabled())
                .isFalse();
        assertThat(auto(Map.of("GRIDSHIFT_AGGREGATOR_SETTLEMENT_AUTO_DELAY_MIN", "-1")).enabled())
                .isFalse();
        AutoSettlementOptions a =
                auto(
                        Map.of(
                                "GRIDSHIFT_AGGREGATOR_SETTLEMENT_AUTO_DELAY_MIN", "20",
                                "GRIDSHIFT_AGGREGATOR_SETTLEMENT_REPORT_RETRY_MIN", "2",
                                "GRIDSHIFT_AGGREGATOR_SETTLEMENT_REPORT_RETRY_MAX_MIN", "5"));
        assertThat(a.delay()).isEqualTo(Duration.ofMinutes(20));
        assertThat(a.backoff(2)).isEqualTo(Duration.ofMinutes(4));
        assertThat(a.backoff(3)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aLongestWaitShorterThanTheFirstIsRefusedNamingBothKeys() {
        assertThatThrownBy(
                        () ->
                                auto(
                                        Map.of(
                                                "GRIDSHIFT_AGGREGATOR_SETTLEMENT_REPORT_RETRY_MIN",
                                                "10",
                                                "GRIDSHIFT_AGGREGATOR_SETTLEMENT_REPORT_RETRY_MAX_MIN",
                                                "5")))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class,
                        e ->
                                assertThat(e.getMessage())
                                        .contains("settlement.reportRetryMaxMin")
                                        .contains("settlement.reportRetryMin"));
    }
}
