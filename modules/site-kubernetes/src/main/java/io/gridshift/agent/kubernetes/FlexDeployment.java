package io.gridshift.agent.kubernetes;

/**
 * A flexible Deployment as the adapter sees it.
 *
 * @param namespace its namespace
 * @param name its name
 * @param replicas {@code spec.replicas} now
 * @param minReplicas the fewest replicas the adapter may leave (never above {@code replicas})
 * @param kwPerReplica the power of one replica
 * @param heldBy the dispatch order that scaled it down; {@code null} when none did
 * @param previousReplicas the replicas before that order; -1 when none
 * @param heldReplicas the replicas that order scaled it to; -1 when none
 */
record FlexDeployment(
        String namespace,
        String name,
        int replicas,
        int minReplicas,
        double kwPerReplica,
        String heldBy,
        int previousReplicas,
        int heldReplicas) {

    /** Replicas an order could remove now. */
    int spareReplicas() {
        return heldBy == null && kwPerReplica > 0 ? replicas - minReplicas : 0;
    }

    boolean heldBy(String dispatchId) {
        return dispatchId.equals(heldBy);
    }

    /** Replicas the holding order removed and that are still gone. */
    int removedReplicas() {
        if (heldBy == null || previousReplicas < 0) {
            return 0;
        }
        int removed = previousReplicas - Math.max(replicas, 0);
        int planned = heldReplicas < 0 ? removed : previousReplicas - heldReplicas;
        return Math.max(0, Math.min(removed, planned));
    }

    /** The replicas to put back: this order's share, on top of whatever happened since. */
    int restoredReplicas() {
        if (previousReplicas < 0) {
            return replicas;
        }
        if (heldReplicas < 0) {
            return previousReplicas;
        }
        return Math.max(replicas, replicas + previousReplicas - heldReplicas);
    }

    String ref() {
        return "deployment " + namespace + "/" + name;
    }
}
