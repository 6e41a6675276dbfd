package io.gridshift.agent.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The edits that hold and release workloads. Each is one PATCH that changes the spec and the
 * annotations together, and each re-checks the object as the server has it now: a Job someone else
 * suspended in the meantime is not taken over, and a release touches only what this order marked.
 */
final class Holds {
    private final Cluster cluster;

    Holds(Cluster cluster) {
        this.cluster = cluster;
    }

    void suspend(FlexJob job, String dispatchId, Instant until) {
        cluster.editJob(
                job,
                j -> {
                    FlexJob now = Convention.job(j, 0);
                    if (!now.holdable()) {
                        throw new GridshiftException(
                                ErrorKind.CONFLICT,
                                "workload_changed",
                                job.ref()
                                        + " changed since the check (finished, suspended or held)");
                    }
                    j.getSpec().setSuspend(true);
                    mark(j, dispatchId, until).put(Convention.HELD_BY, dispatchId);
                    return j;
                });
    }

    void resume(FlexJob job, String dispatchId) {
        cluster.editJob(
                job,
                j -> {
                    if (!dispatchId.equals(
                            Convention.annotations(j.getMetadata()).get(Convention.HELD_BY))) {
                        return j;
                    }
                    j.getSpec().setSuspend(false);
                    unmark(j);
                    return j;
                });
    }

    void scaleDown(FlexDeployment d, int toReplicas, String dispatchId, Instant until) {
        cluster.editDeployment(
                d,
                x -> {
                    FlexDeployment now = Convention.deployment(x, 0);
                    if (now.heldBy() != null || now.replicas() != d.replicas()) {
                        throw new GridshiftException(
                                ErrorKind.CONFLICT,
                                "workload_changed",
                                d.ref() + " changed since the check (rescaled or held)");
                    }
                    Map<String, String> notes = mark(x, dispatchId, until);
                    notes.put(Convention.PREVIOUS_REPLICAS, Integer.toString(d.replicas()));
                    notes.put(Convention.HELD_REPLICAS, Integer.toString(toReplicas));
                    x.getSpec().setReplicas(toReplicas);
                    return x;
                });
    }

    void restore(FlexDeployment d, String dispatchId) {
        cluster.editDeployment(
                d,
                x -> {
                    FlexDeployment now = Convention.deployment(x, 0);
                    if (!now.heldBy(dispatchId)) {
                        return x;
                    }
                    x.getSpec().setReplicas(now.restoredReplicas());
                    unmark(x);
                    x.getMetadata().getAnnotations().remove(Convention.PREVIOUS_REPLICAS);
                    x.getMetadata().getAnnotations().remove(Convention.HELD_REPLICAS);
                    return x;
                });
    }

    private static Map<String, String> mark(HasMetadata o, String dispatchId, Instant until) {
        Map<String, String> notes =
                o.getMetadata().getAnnotations() == null
                        ? new HashMap<>()
                        : new HashMap<>(o.getMetadata().getAnnotations());
        notes.put(Convention.HELD_BY, dispatchId);
        notes.put(Convention.HELD_UNTIL, until.toString());
        o.getMetadata().setAnnotations(notes);
        return notes;
    }

    private static void unmark(HasMetadata o) {
        Map<String, String> notes = new HashMap<>(o.getMetadata().getAnnotations());
        notes.remove(Convention.HELD_BY);
        notes.remove(Convention.HELD_UNTIL);
        o.getMetadata().setAnnotations(notes);
    }
}
