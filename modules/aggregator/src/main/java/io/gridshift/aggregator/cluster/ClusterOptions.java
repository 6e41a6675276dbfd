package io.gridshift.aggregator.cluster;

import java.util.List;

/**
 * How a node joins the cluster. A single node is a cluster of one: the same code, no members
 * listed.
 *
 * @param clusterName nodes join only a cluster of the same name (default {@code gridshift})
 * @param host the address Hazelcast and the Vert.x event bus bind and announce (default {@code
 *     127.0.0.1}; a routable address in production)
 * @param memberPort Hazelcast's member port (default 5701); 0 picks a free one
 * @param members the other members, {@code host:port} each (TCP-IP join; no multicast); empty for a
 *     node that starts a cluster alone
 * @param eventBusPort the Vert.x cluster event bus port (default 0: a free port, announced through
 *     Hazelcast)
 * @param backupCount synchronous backups of each partition (default 1: a node may fail without
 *     losing the fleet state)
 */
public record ClusterOptions(
        String clusterName,
        String host,
        int memberPort,
        List<String> members,
        int eventBusPort,
        int backupCount) {
    public ClusterOptions {
        if (clusterName == null || clusterName.isBlank()) {
            throw new IllegalArgumentException("cluster.name: must not be blank");
        }
        if (memberPort < 0 || memberPort > 65535) {
            throw new IllegalArgumentException(
                    "cluster.port: must be between 0 and 65535, got " + memberPort);
        }
        if (eventBusPort < 0 || eventBusPort > 65535) {
            throw new IllegalArgumentException(
                    "cluster.eventBusPort: must be between 0 and 65535, got " + eventBusPort);
        }
        if (backupCount < 0 || backupCount > 6) {
            throw new IllegalArgumentException(
                    "cluster.backupCount: must be between 0 and 6, got " + backupCount);
        }
        members = List.copyOf(members);
        for (String m : members) {
            int colon = m.lastIndexOf(':');
            if (colon <= 0 || colon == m.length() - 1) {
                throw new IllegalArgumentException(
                        "cluster.members: each member must be host:port, got \"" + m + "\"");
            }
        }
    }

    public static ClusterOptions defaults() {
        return new ClusterOptions("gridshift", "127.0.0.1", 5701, List.of(), 0, 1);
    }

    public ClusterOptions withMemberPort(int port) {
        return new ClusterOptions(clusterName, host, port, members, eventBusPort, backupCount);
    }

    public ClusterOptions withMembers(List<String> list) {
        return new ClusterOptions(clusterName, host, memberPort, list, eventBusPort, backupCount);
    }

    public ClusterOptions withClusterName(String name) {
        return new ClusterOptions(name, host, memberPort, members, eventBusPort, backupCount);
    }
}
