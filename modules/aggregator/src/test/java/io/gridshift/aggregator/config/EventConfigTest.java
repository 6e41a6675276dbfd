package io.gridshift.aggregator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridshift.aggregator.event.EventOptions;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.GridZone;
import io.gridshift.optimizer.SolverOptions;
import io.gridshift.optimizer.ZoneMarket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventConfigTest {
    @TempDir Path dir;

    @Test
    void noFileGivesTheEventDefaults() {
        EventOptions o = EventConfig.events(AggregatorConfig.load(null, Map.of()));
        assertThat(o).isEqualTo(EventOptions.defaults());
    }

    @Test
    void aFileAndTheEnvironmentSetTheLoopAndTheMarkets() throws Exception {
        // GIVEN the loop and the markets in a file, the gain from the environment
        Path file = dir.resolve("aggregator.properties");
        Files.writeString(
                file,
                """
                event.loopPeriodS=5
                event.silentAfterS=20
                event.markets=ZA:0.40:0.70, ZC:0.12:0.10
                event.solver=lp
                event.solverTimeLimitMs=250
                """);
        // WHEN it is read
        EventOptions o =
                EventConfig.events(
                        AggregatorConfig.load(
                                file, Map.of("GRIDSHIFT_AGGREGATOR_EVENT_GAIN", "0.5")));
        // THEN every value is taken and the others keep their defaults
        assertThat(o.loopPeriod()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.silentAfter()).isEqualTo(Duration.ofSeconds(20));
        assertThat(o.gain()).isEqualTo(0.5);
        assertThat(o.markets())
                .containsExactly(
                        new ZoneMarket(GridZone.of("ZA"), 0.40, 0.70),
                        new ZoneMarket(GridZone.of("ZC"), 0.12, 0.10));
        assertThat(o.solver())
                .isEqualTo(new SolverOptions(SolverOptions.Mode.LP, Duration.ofMillis(250)));
        assertThat(o.reserveShare()).isEqualTo(EventOptions.defaults().reserveShare());
    }

    @Test
    void aBadValueIsRefusedNamingTheKeyAndTheRule() throws Exception {
        Path file = dir.resolve("bad.properties");
        Files.writeString(file, "event.gain=1.5\n");
        assertThatThrownBy(() -> EventConfig.events(AggregatorConfig.load(file, Map.of())))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class,
                        e -> assertThat(e.getMessage()).contains("event.gain").contains("range"));
        Files.writeString(file, "event.markets=ZA:cheap:0.7\n");
        assertThatThrownBy(() -> EventConfig.events(AggregatorConfig.load(file, Map.of())))
                .isInstanceOfSatisfying(
                        InvalidFieldException.class,
                        e -> assertThat(e.getMessage()).contains("event.markets"));
    }

    @Test
    void theOptionTableListsTheEventOptions() {
        assertThat(AggregatorConfig.table())
                .contains("`event.loopPeriodS`")
                .contains("GRIDSHIFT_AGGREGATOR_EVENT_MARKETS");
    }
}
