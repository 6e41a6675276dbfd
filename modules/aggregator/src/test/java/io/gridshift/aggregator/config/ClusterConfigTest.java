package io.gridshift.aggregator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hazelcast.config.Config;
import com.hazelcast.config.KubernetesConfig;
import io.gridshift.aggregator.cluster.ClusterConfigs;
import io.gridshift.aggregator.cluster.ClusterOptions;
import io.gridshift.domain.error.InvalidFieldException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterConfigTest {
    static ClusterOptions cluster(Map<String, String> env) {
        return AggregatorConfig.options(AggregatorConfig.load(null, env)).cluster();
    }

    @Test
    void theQuorumIsAMajorityOfTheMemberListFromThreeNodesOn() {
        assertThat(cluster(Map.of()).effectiveQuorum()).as("one node").isEqualTo(1);
        assertThat(cluster(Map.of("GRIDSHIFT_AGGREGATOR_CLUSTER_MEMBERS", "a:1")).effectiveQuorum())
                .as("two nodes cannot outvote each other")
                .isEqualTo(1);
        assertThat(
                        cluster(Map.of("GRIDSHIFT_AGGREGATOR_CLUSTER_MEMBERS", "a:1,b:2"))
                                .effectiveQuorum())
                .isEqualTo(2);
        assertThat(
                        cluster(Map.of("GRIDSHIFT_AGGREGATOR_CLUSTER_MEMBERS", "a:1,b:2,c:3,d:4"))
                                .effectiveQuorum())
                .isEqualTo(3);
        assertThat(cluster(Map.of("GRIDSHIFT_AGGREGATOR_CLUSTER_QUORUM", "2")).effectiveQuorum())
                .isEqualTo(2);
    }

    @Test
    void everyGridshiftMapIsUnderTheQuorum() {
        Config c =
                ClusterConfigs.member(
                        cluster(Map.of("GRIDSHIFT_AGGREGATOR_CLUSTER_MEMBERS", "a:1,b:2")));
        assertThat(c.getSplitBrainProtectionConfig(ClusterConfigs.QUORUM).getMinimumClusterSize())
                .isEqualTo(2);
        for (String map :
                new String[] {
                    "gridshift.sites",
                    "gridshift.dispatches",
                    "gridshift.leases",
                    "gridshift.grid-events",
                    "gridshift.event-deliveries"
                }) {
            assertThat(c.getMapConfig(map).getSplitBrainProtectionName())
                    .as(map)
                    .isEqualTo(ClusterConfigs.QUORUM);
        }
        assertThat(c.getNetworkConfig().getJoin().getTcpIpConfig().getMembers())
                .contains("a:1", "b:2");
    }

    @Test
    void kubernetesDiscoveryByDnsReplacesTheMemberList() {
        Config c =
                ClusterConfigs.member(
                        cluster(
                                Map.of(
                                        "GRIDSHIFT_AGGREGATOR_CLUSTER_DISCOVERY",
                                        "kubernetes",
                                        "GRIDSHIFT_AGGREGATOR_CLUSTER_KUBERNETES_SERVICE_DNS",
                                        "gridshift-hazelcast.ns.svc.cluster.local",
                                        "GRIDSHIFT_AGGREGATOR_CLUSTER_QUORUM",
                                        "2")));
        KubernetesConfig k = c.getNetworkConfig().getJoin().getKubernetesConfig();
        assertThat(k.isEnabled()).isTrue();
        assertThat(k.getProperty("service-dns"))
                .isEqualTo("gridshift-hazelcast.ns.svc.cluster.local");
        assertThat(c.getNetworkConfig().getJoin().getTcpIpConfig().isEnabled()).isFalse();
    }

    @Test
    void badDiscoveryOptionsNameTheOptionAndTheRule() {
        assertThatThrownBy(() -> cluster(Map.of("GRIDSHIFT_AGGREGATOR_CLUSTER_DISCOVERY", "dns")))
                .isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("cluster.discovery")
                .hasMessageContaining("tcp-ip or kubernetes");
        assertThatThrownBy(
                        () ->
                                cluster(
                                        Map.of(
                                                "GRIDSHIFT_AGGREGATOR_CLUSTER_DISCOVERY",
                                                "kubernetes")))
                .hasMessageContaining("cluster.kubernetes.serviceDns");
        assertThatThrownBy(() -> cluster(Map.of("GRIDSHIFT_AGGREGATOR_CLUSTER_QUORUM", "-1")))
                .hasMessageContaining("cluster.quorum");
    }
}
