package io.gridshift.aggregator.cluster;

/**
 * Hazelcast's Kubernetes discovery (built into Hazelcast 5), for nodes deployed as a StatefulSet:
 * either a DNS lookup of a headless service (no API access needed) or the Kubernetes API's
 * endpoints of a service (the pod's service account must be allowed to get and list endpoints, pods
 * and services).
 *
 * @param serviceDns the headless service's DNS name, e.g. {@code
 *     gridshift-hazelcast.gridshift.svc.cluster.local}; set: DNS lookup
 * @param serviceName the service whose endpoints are the members (API mode, when no DNS name)
 * @param namespace the namespace of that service; {@code null}: the pod's own
 */
public record KubernetesJoin(String serviceDns, String serviceName, String namespace) {
    public KubernetesJoin {
        serviceDns = blankToNull(serviceDns);
        serviceName = blankToNull(serviceName);
        namespace = blankToNull(namespace);
        if (serviceDns == null && serviceName == null) {
            throw new IllegalArgumentException(
                    "cluster.kubernetes.serviceDns: kubernetes discovery needs a service DNS name"
                            + " or cluster.kubernetes.serviceName");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
