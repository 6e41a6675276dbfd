package io.gridshift.agent.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The nvidia-smi calls. {@link FakeNvidiaSmi} stands in for the binary, which needs a GPU; it
 * replays output recorded on an H200 (and hand-made failures).
 */
class NvidiaSmiTest {

    @Test
    void queriesWithTheDocumentedCommand() {
        // GIVEN the recorded H200
        FakeNvidiaSmi fake = new FakeNvidiaSmi("query-gpu.csv");
        // WHEN queried
        List<GpuReading> gpus = new NvidiaSmi(fake).query();
        // THEN one argument list, no shell, with every field
        assertThat(gpus).hasSize(1);
        assertThat(fake.commands())
                .containsExactly(
                        List.of(
                                "nvidia-smi",
                                "--query-gpu=index,uuid,name,power.draw,power.limit,"
                                        + "power.default_limit,power.min_limit,power.max_limit,"
                                        + "utilization.gpu,memory.used,memory.total,temperature.gpu",
                                "--format=csv,noheader,nounits"));
    }

    @Test
    void setsALimitWithIndexAndWatts() {
        FakeNvidiaSmi fake = new FakeNvidiaSmi("query-gpu.csv");
        // WHEN GPU 0 is limited to 450 W
        new NvidiaSmi(fake).setPowerLimit(0, 450);
        // THEN exactly nvidia-smi -i 0 -pl 450 ran
        assertThat(fake.commands()).containsExactly(List.of("nvidia-smi", "-i", "0", "-pl", "450"));
        assertThat(fake.limitOf(0)).isEqualTo("450.00");
    }

    @Test
    void aMissingBinaryIsSaidPlainly() {
        // GIVEN no nvidia-smi on PATH
        NvidiaSmi smi = new NvidiaSmi(new FakeNvidiaSmi("query-gpu.csv").missing());
        // THEN the error says so
        assertThatThrownBy(smi::query)
                .isInstanceOfSatisfying(
                        GridshiftException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo("nvidia_smi_missing");
                            assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
                        })
                .hasMessageContaining("nvidia-smi is not installed or not on PATH");
    }

    @Test
    void insufficientPermissionsCarriesTheToolsMessage() {
        // GIVEN nvidia-smi refusing -pl without root (constructed from the tool's format)
        NvidiaSmi smi = new NvidiaSmi(new FakeNvidiaSmi("query-gpu.csv").failPl(0));
        // THEN the error is FORBIDDEN and quotes the tool
        assertThatThrownBy(() -> smi.setPowerLimit(0, 450))
                .isInstanceOfSatisfying(
                        GridshiftException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.FORBIDDEN))
                .hasMessageContaining("set the power limit of GPU 0 to 450 W")
                .hasMessageContaining("exited with 4")
                .hasMessageContaining("Insufficient Permissions");
    }
}
