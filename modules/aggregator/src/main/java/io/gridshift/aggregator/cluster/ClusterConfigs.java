package io.gridshift.aggregator.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NetworkConfig;
import io.gridshift.aggregator.dispatch.DispatchSerialization;
import io.gridshift.aggregator.dispatch.DispatchService;
import io.gridshift.aggregator.fleet.FleetSerialization;
import io.gridshift.aggregator.fleet.FleetState;
import io.gridshift.aggregator.fleet.MemberTotals;
import java.util.UUID;

/**
 * The Hazelcast member configuration of an aggregator node: TCP-IP join on the listed members, the
 * fleet and dispatch maps held as objects (entry processors change them in place, the hot path),
 * their serializers, and the member's totals in the user context.
 */
public final class ClusterConfigs {
    /** The member attribute vertx-hazelcast reads its node id from. */
    static final String VERTX_NODE_ID = "__vertx.nodeId";

    private ClusterConfigs() {}

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
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true);
        join.getTcpIpConfig().addMember(options.host() + ":" + network.getPort());
        for (String m : options.members()) {
            join.getTcpIpConfig().addMember(m);
        }
        config.addMapConfig(
                new MapConfig(FleetState.SITES_MAP)
                        .setInMemoryFormat(InMemoryFormat.OBJECT)
                        .setBackupCount(options.backupCount()));
        config.addMapConfig(
                new MapConfig(DispatchService.DISPATCH_MAP)
                        .setInMemoryFormat(InMemoryFormat.OBJECT)
                        .setBackupCount(options.backupCount()));
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
