package io.gridshift.agent.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridshift.domain.error.InvalidFieldException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatedSiteOptionsTest {

    @Test
    void typicalSiteHasEveryResourceAndRoomForBatch() {
        // GIVEN the typical site
        SimulatedSiteOptions options = SimFixtures.typical(1);
        // THEN it has a battery, a store, a genset, 10 s steps, and a batch partition above the
        // mean batch load
        assertThat(options.step()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.battery()).isNotNull();
        assertThat(options.chilledWater()).isNotNull();
        assertThat(options.genset()).isNotNull();
        assertThat(options.batchPartitionKw())
                .isGreaterThan(1.25 * options.jobMix().batchShare() * options.itCapacityKw());
    }

    @Test
    void badValuesNameTheirField() {
        SimulatedSiteOptions options = SimFixtures.typical(1);
        // WHEN a nested value is out of range THEN the error names it with its path
        assertThatThrownBy(() -> new BatteryOptions(4000, 2000, 120, 500, 0.92, 0.05))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("battery.minSocPct");
        assertThatThrownBy(() -> options.withStep(Duration.ofMillis(1500)))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith("step:");
        assertThatThrownBy(
                        () ->
                                new JobMixOptions(
                                        0.3,
                                        0.2,
                                        15,
                                        0.02,
                                        0.1,
                                        50,
                                        Duration.ofMinutes(30),
                                        Duration.ofHours(2),
                                        Duration.ofHours(1)))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("jobMix.batchMaxSlack");
        // AND a site whose loads do not fit its capacity says which parts do not fit
        assertThatThrownBy(() -> options.withTraining(TrainingOptions.typical(10_000)))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith("itCapacityKw:")
                .hasMessageContaining("training at full duty");
    }
}
