package io.gridshift.aggregator.config;

import io.gridshift.aggregator.cluster.KubernetesJoin;
import io.gridshift.domain.config.Option;
import io.gridshift.domain.config.Parsers;
import io.gridshift.domain.config.Settings;
import io.gridshift.domain.error.InvalidFieldException;
import java.util.List;

/**
 * The cluster options beyond the member list: split-brain protection, Kubernetes discovery, failure
 * detection (kept apart from {@link AggregatorConfig}, which reads them through here).
 */
final class ClusterConfig {
    static final Option<Long> CLUSTER_QUORUM =
            Option.of(
                    "cluster.quorum",
                    "0",
                    Parsers.integer(0, 64),
                    "Fewest members the cluster's maps and leases accept writes with (split-brain protection); 0: a majority of the member list and this node (2 of 3; 1 for one or two nodes), 1 with Kubernetes discovery.");
    static final Option<String> CLUSTER_DISCOVERY =
            Option.of(
                    "cluster.discovery",
                    "tcp-ip",
                    Parsers.text(),
                    "How members find each other: tcp-ip (cluster.members) or kubernetes.");
    static final Option<String> CLUSTER_K8S_SERVICE_DNS =
            Option.optional(
                    "cluster.kubernetes.serviceDns",
                    Parsers.text(),
                    "Kubernetes discovery by DNS: the headless service's name, e.g. gridshift-hazelcast.gridshift.svc.cluster.local (no API access needed).");
    static final Option<String> CLUSTER_K8S_SERVICE_NAME =
            Option.optional(
                    "cluster.kubernetes.serviceName",
                    Parsers.text(),
                    "Kubernetes discovery through the API (when no serviceDns): the service whose endpoints are the members; needs get/list on endpoints, pods, services.");
    static final Option<String> CLUSTER_K8S_NAMESPACE =
            Option.optional(
                    "cluster.kubernetes.namespace",
                    Parsers.text(),
                    "Namespace of that service; unset: the pod's own.");
    static final Option<Long> CLUSTER_FAILURE_DETECTION =
            Option.of(
                    "cluster.failureDetectionS",
                    "15",
                    Parsers.integer(2, 600),
                    "A member silent (no heartbeat) this long is removed; a dead process is removed sooner, its connections being refused.");

    private ClusterConfig() {}

    static List<Option<?>> all() {
        return List.of(
                CLUSTER_QUORUM,
                CLUSTER_DISCOVERY,
                CLUSTER_K8S_SERVICE_DNS,
                CLUSTER_K8S_SERVICE_NAME,
                CLUSTER_K8S_NAMESPACE,
                CLUSTER_FAILURE_DETECTION);
    }

    static int quorum(Settings s) {
        return s.get(CLUSTER_QUORUM).intValue();
    }

    static int failureDetectionS(Settings s) {
        return s.get(CLUSTER_FAILURE_DETECTION).intValue();
    }

    /** Kubernetes discovery when {@code cluster.discovery} says so, else {@code null} (TCP-IP). */
    static KubernetesJoin kubernetes(Settings s) {
        String discovery = s.get(CLUSTER_DISCOVERY);
        if ("tcp-ip".equals(discovery)) {
            return null;
        }
        if (!"kubernetes".equals(discovery)) {
            throw new InvalidFieldException(
                    CLUSTER_DISCOVERY.key(),
                    "one_of",
                    discovery,
                    "must be tcp-ip or kubernetes, got \"" + discovery + "\"");
        }
        return new KubernetesJoin(
                s.find(CLUSTER_K8S_SERVICE_DNS).orElse(null),
                s.find(CLUSTER_K8S_SERVICE_NAME).orElse(null),
                s.find(CLUSTER_K8S_NAMESPACE).orElse(null));
    }
}
