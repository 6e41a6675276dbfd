package io.gridshift.agent.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gridshift.domain.error.InvalidFieldException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlurmSiteFactoryTest {

    @Test
    void isNamedSlurmAndDeclaresItsOptions() {
        SlurmSiteFactory f = new SlurmSiteFactory();

        assertThat(f.name()).isEqualTo("slurm");
        assertThat(f.options())
                .extracting(o -> o.key())
                .containsExactly(
                        "slurm.binDir",
                        "slurm.conf",
                        "slurm.partitions",
                        "slurm.defaultCpuKw",
                        "slurm.partitionLimits",
                        "slurm.stateFile",
                        "slurm.timeoutS");
    }

    @Test
    void partitionLimitsAreRead() {
        assertThat(
                        PartitionLimit.parseList(
                                "slurm.partitionLimits", "batch:MaxCPUsPerNode=8, gpu:State=down"))
                .containsExactly(
                        new PartitionLimit("batch", "MaxCPUsPerNode", "8"),
                        new PartitionLimit("gpu", "State", "DOWN"));
        assertThat(PartitionLimit.parseList("slurm.partitionLimits", " ")).isEmpty();
    }

    @Test
    void badPartitionLimitsNameTheOptionAndTheRule() {
        for (String bad :
                List.of(
                        "batch",
                        "batch:MaxTime=5",
                        "batch:State=UP",
                        "batch:MaxNodes=many",
                        ":x=1")) {
            assertThatThrownBy(() -> PartitionLimit.parseList("slurm.partitionLimits", bad))
                    .as(bad)
                    .isInstanceOf(InvalidFieldException.class)
                    .hasMessageContaining("slurm.partitionLimits");
        }
    }

    @Test
    void badPartitionNamesAreRefused() {
        assertThat(SlurmSiteFactory.partitions("batch, gpu")).containsExactly("batch", "gpu");
        assertThatThrownBy(() -> SlurmSiteFactory.partitions("batch;rm -rf"))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("slurm.partitions");
    }

    @Test
    void scontrolPartitionOutputIsReadOrRefused() {
        assertThat(
                        PartitionLimit.fields(
                                "PartitionName=batch AllowGroups=ALL MaxNodes=UNLIMITED"
                                        + " MaxCPUsPerNode=UNLIMITED State=UP TotalCPUs=2\n"))
                .containsEntry("State", "UP")
                .containsEntry("MaxCPUsPerNode", "UNLIMITED");
        assertThatThrownBy(() -> PartitionLimit.fields("Partition batch not found"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
