package io.gridshift.agent.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridshift.domain.error.InvalidFieldException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing nvidia-smi's CSV: the real H200 recording, constructed examples, broken lines. */
class GpuQueryParserTest {

    @Test
    void parsesTheRecordedH200Line() {
        // GIVEN the line recorded on an idle H200
        String out = FakeNvidiaSmi.resource("query-gpu.csv");
        // WHEN parsed
        List<GpuReading> gpus = GpuQueryParser.parse(out);
        // THEN every value is read as recorded
        assertThat(gpus).hasSize(1);
        GpuReading g = gpus.get(0);
        assertThat(g.index()).isZero();
        assertThat(g.uuid()).isEqualTo("GPU-c70e87bb-33ec-dd9d-b75a-d3f9e151edb9");
        assertThat(g.name()).isEqualTo("NVIDIA H200");
        assertThat(g.powerDrawW()).hasValue(127.15);
        assertThat(g.powerLimitW()).hasValue(700.0);
        assertThat(g.defaultLimitW()).hasValue(700.0);
        assertThat(g.minLimitW()).hasValue(200.0);
        assertThat(g.maxLimitW()).hasValue(700.0);
        assertThat(g.utilizationPct()).hasValue(0.0);
        assertThat(g.memoryUsedMiB()).hasValue(0.0);
        assertThat(g.memoryTotalMiB()).hasValue(143771.0);
        assertThat(g.temperatureC()).hasValue(37.0);
        assertThat(g.cappable()).isTrue();
    }

    @Test
    void theRecordedHeaderHasTheColumnsInOurOrder() {
        // GIVEN the same query recorded with a header
        String header = FakeNvidiaSmi.resource("query-gpu-header.csv").split("\\R")[0];
        // WHEN the units are stripped from its names
        List<String> names =
                Arrays.stream(header.split(","))
                        .map(s -> s.replaceAll("\\[.*]", "").strip())
                        .toList();
        // THEN they are the columns the parser expects, in the same order
        assertThat(names).isEqualTo(GpuQueryParser.COLUMNS);
    }

    @Test
    void parsesTheEightGpuExample() {
        // GIVEN the constructed eight-GPU output
        List<GpuReading> gpus =
                GpuQueryParser.parse(FakeNvidiaSmi.resource("constructed-query-gpu-8x-busy.csv"));
        // THEN all eight are read in order with their own limits
        assertThat(gpus).extracting(GpuReading::index).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(gpus.get(3).powerLimitW()).hasValue(650.0);
        assertThat(gpus.get(6).powerDrawW()).hasValue(690.05);
    }

    @Test
    void notAvailableCellsBecomeAbsent() {
        // GIVEN output with [N/A] and N/A cells
        List<GpuReading> gpus =
                GpuQueryParser.parse(FakeNvidiaSmi.resource("constructed-query-gpu-na.csv"));
        // THEN those values are empty and the others stay
        assertThat(gpus.get(0).utilizationPct()).isEmpty();
        assertThat(gpus.get(0).temperatureC()).isEmpty();
        assertThat(gpus.get(0).powerDrawW()).hasValue(127.15);
        assertThat(gpus.get(0).cappable()).isTrue();
        GpuReading noPower = gpus.get(1);
        assertThat(noPower.powerDrawW()).isEmpty();
        assertThat(noPower.powerLimitW()).isEmpty();
        assertThat(noPower.minLimitW()).isEmpty();
        assertThat(noPower.utilizationPct()).isEmpty();
        assertThat(noPower.temperatureC()).hasValue(40.0);
        assertThat(noPower.cappable()).isFalse();
    }

    @Test
    void aBadNumberIsNamedByColumnAndLine() {
        // GIVEN a second line whose power limit is not a number
        String out =
                FakeNvidiaSmi.resource("query-gpu.csv")
                        + "1, GPU-x, NVIDIA H200, 127.15, 700 W, 700.00, 200.00, 700.00, 0, 0, 1, 37\n";
        // THEN the error names the line and the column
        assertThatThrownBy(() -> GpuQueryParser.parse(out))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("nvidia-smi line 2 column power.limit")
                .hasMessageContaining("700 W");
    }

    @Test
    void aLineWithMissingCellsIsNamed() {
        // GIVEN a line cut short (an older nvidia-smi that ignored a field)
        String out = "0, GPU-x, NVIDIA H200, 127.15, 700.00\n";
        // THEN the error names the line and the count
        assertThatThrownBy(() -> GpuQueryParser.parse(out))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("nvidia-smi line 1")
                .hasMessageContaining("must have 12 cells, has 5");
    }

    @Test
    void anIndexOrUuidCannotBeMissing() {
        // GIVEN a line without uuid
        String out = "0, [N/A], NVIDIA H200, 1, 1, 1, 1, 1, 1, 1, 1, 1\n";
        // THEN it is refused, naming the column
        assertThatThrownBy(() -> GpuQueryParser.parse(out))
                .hasMessageContaining("nvidia-smi line 1 column uuid");
    }
}
