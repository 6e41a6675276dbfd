package io.gridshift.aggregator.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.KubernetesConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MergePolicyConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.SplitBrainProtectionConfig;
import com.hazelcast.spi.merge.PutIfAbsentMergePolicy;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionOn;
import io.gridshift.aggregator.dispatch.DispatchSerialization;
import io.gridshift.aggregator.dispatch.DispatchService;
import io.gridshift.aggregator.fleet.FleetSerialization;
import io.gridshift.aggregator.fleet.FleetState;
import io.gridshift.aggregator.fleet.MemberTotals;
import java.util.UUID;

/**
 * The Hazelcast member configuration of an aggregator node: TCP-IP join on the listed members (or
 * Kubernetes discovery), split-brain protection on every gridshift map (writes need the quorum),
 * the fleet and dispatch maps held as objects (entry processors change them in place, the hot
 * path), their serializers, and the member's totals in the user context.
 */
public final class ClusterConfigs {
    /** The member attribute vertx-hazelcast reads its node id from. */
    static final String VERTX_NODE_ID = "__vertx.nodeId";

    /** The split-brain protection every gridshift map is under. */
    public static final String QUORUM = "gridshift-quorum";

    private ClusterConfigs() {}

    /**
     * Writes need the quorum; on heal the smaller side's entries merge in only where the larger
     * side has none (it refused writes while apart, so the larger side's are the newer).
     */
    private static MapConfig protect(MapConfig map) {
        map.setSplitBrainProtectionName(QUORUM);
        map.setMergePolicyConfig(
                new MergePolicyConfig(PutIfAbsentMergePolicy.class.getName(), 100));
        return map;
    }

    private static void join(NetworkConfig network, ClusterOptions options) {
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        KubernetesJoin k8s = options.kubernetes();
        if (k8s != null) {
            KubernetesConfig kc = join.getKubernetesConfig().setEnabled(true);
            if (k8s.serviceDns() != null) {
                kc.setProperty("service-dns", k8s.serviceDns());
            } else {
                kc.setProperty("service-name", k8s.serviceName());
                if (k8s.namespace() != null) {
                    kc.setProperty("namespace", k8s.namespace());
                }
            }
            kc.setProperty("service-port", Integer.toString(network.getPort()));
            return;
        }
        join.getTcpIpConfig().setEnabled(true);
        join.getTcpIpConfig().addMember(options.host() + ":" + network.getPort());
        for (String m : options.members()) {
            join.getTcpIpConfig().addMember(m);
        }
    }

    public static Config member(ClusterOptions options) {
        Stages.install();
        Config config = new Config();
        config.setClusterName(options.clusterName());
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        NetworkConfig network = config.getNetworkConfig();
        network.setPublicAddress(null);
        network.getInterfaces().setEnabled(true).addInterface(options.host());
        network.setPort(options.memberPort() == 0 ? FreePort.tcp() : options.memberPort());
        network.setPortAutoIncrement(false);
        join(network, options);
        // a process that died has its connections refused and is suspected within a second; a
        // hung one is removed after failureDetectionS without heartbeats (Hazelcast's default 60 s)
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty(
                "hazelcast.max.no.heartbeat.seconds",
                Integer.toString(options.failureDetectionS()));
        // a quorum of one protects nothing, and a lone member's protection is undecided until
        // its first membership event: writes right after start were refused
        config.addSplitBrainProtectionConfig(
                new SplitBrainProtectionConfig(
                                QUORUM, options.effectiveQuorum() > 1, options.effectiveQuorum())
                        .setProtectOn(SplitBrainProtectionOn.WRITE));
        config.addMapConfig(
                protect(
                        new MapConfig(FleetState.SITES_MAP)
                                .setInMemoryFormat(InMemoryFormat.OBJECT)
                                .setBackupCount(options.backupCount())));
        config.addMapConfig(
                protect(
                        new MapConfig(DispatchService.DISPATCH_MAP)
                                .setInMemoryFormat(InMemoryFormat.OBJECT)
                                .setBackupCount(options.backupCount())));
        // every other gridshift map: leases, grid events, deliveries, site orders, registrations
        config.addMapConfig(
                protect(new MapConfig("gridshift.*").setBackupCount(options.backupCount())));
        config.getSerializationConfig()
                .addDataSerializableFactory(FleetSerialization.FACTORY_ID, new FleetSerialization())
                .addDataSerializableFactory(
                        DispatchSerialization.FACTORY_ID, new DispatchSerialization());
        config.getUserContext().put(MemberTotals.CONTEXT_KEY, new MemberTotals());
        // Vert.x's cluster manager, given a ready member, finds its node id here
        config.getMemberAttributeConfig().setAttribute(VERTX_NODE_ID, UUID.randomUUID().toString());
        return config;
    }
}
