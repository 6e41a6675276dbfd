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
 * @param quorum the fewest members the cluster's maps and leases accept writes with (split-brain
 *     protection); 0 (the default): a majority of the TCP-IP member list plus this node (2 of 3; 1
 *     for one or two nodes, which cannot outvote each other), 1 with Kubernetes discovery unless
 *     set
 * @param kubernetes Kubernetes discovery instead of the member list; {@code null} (the default):
 *     TCP-IP
 * @param failureDetectionS how long a member may stay silent (no heartbeat) before the others
 *     remove it (a process that died is removed sooner: its connections are refused)
 */
public record ClusterOptions(
        String clusterName,
        String host,
        int memberPort,
        List<String> members,
        int eventBusPort,
        int backupCount,
        int quorum,
        KubernetesJoin kubernetes,
        int failureDetectionS) {
    /** Default removal of a silent member (Hazelcast's own is 60 s). */
    public static final int DEFAULT_FAILURE_DETECTION_S = 15;

    /** TCP-IP join, automatic quorum, the default failure detection. */
    public ClusterOptions(
            String clusterName,
            String host,
            int memberPort,
            List<String> members,
            int eventBusPort,
            int backupCount) {
        this(
                clusterName,
                host,
                memberPort,
                members,
                eventBusPort,
                backupCount,
                0,
                null,
                DEFAULT_FAILURE_DETECTION_S);
    }

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
        if (quorum < 0 || quorum > 64) {
            throw new IllegalArgumentException(
                    "cluster.quorum: must be between 0 (automatic) and 64, got " + quorum);
        }
        if (failureDetectionS < 2 || failureDetectionS > 600) {
            throw new IllegalArgumentException(
                    "cluster.failureDetectionS: must be between 2 and 600, got "
                            + failureDetectionS);
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

    /**
     * The quorum in force: as configured, or a majority of the listed members and this node (one
     * node alone: 1; three: 2).
     */
    public int effectiveQuorum() {
        if (quorum > 0) {
            return quorum;
        }
        int size = members.size() + 1;
        // two nodes cannot outvote each other: protection starts at three
        return kubernetes != null || size < 3 ? 1 : size / 2 + 1;
    }

    public static ClusterOptions defaults() {
        return new ClusterOptions("gridshift", "127.0.0.1", 5701, List.of(), 0, 1);
    }

    public ClusterOptions withMemberPort(int port) {
        return new ClusterOptions(
                clusterName,
                host,
                port,
                members,
                eventBusPort,
                backupCount,
                quorum,
                kubernetes,
                failureDetectionS);
    }

    public ClusterOptions withMembers(List<String> list) {
        return new ClusterOptions(
                clusterName,
                host,
                memberPort,
                list,
                eventBusPort,
                backupCount,
                quorum,
                kubernetes,
                failureDetectionS);
    }

    public ClusterOptions withClusterName(String name) {
        return new ClusterOptions(
                name,
                host,
                memberPort,
                members,
                eventBusPort,
                backupCount,
                quorum,
                kubernetes,
                failureDetectionS);
    }

    public ClusterOptions withQuorum(int q) {
        return new ClusterOptions(
                clusterName,
                host,
                memberPort,
                members,
                eventBusPort,
                backupCount,
                q,
                kubernetes,
                failureDetectionS);
    }

    public ClusterOptions withKubernetes(KubernetesJoin k) {
        return new ClusterOptions(
                clusterName,
                host,
                memberPort,
                members,
                eventBusPort,
                backupCount,
                quorum,
                k,
                failureDetectionS);
    }
}
