package io.gridshift.agent.kubernetes;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.gridshift.domain.Check;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * The labels and annotations through which a cluster tells the adapter what is flexible, and
 * through which the adapter remembers what it changed (the annotations are its memory: a fresh
 * adapter after an agent restart finds and undoes what an order did). See the module's README.
 *
 * <p>Values that cannot be read never make work flexible: a Job whose deadline cannot be parsed is
 * not offered, a Deployment whose minimum cannot be parsed is not scaled. A power that cannot be
 * read falls back to the default pod power, since it only sizes the estimate.
 */
final class Convention {
    /** On a Job: the latest instant until which it may be held (RFC 3339). */
    static final String DEADLINE = "gridshift.io/deadline";

    /** On a Job: its power while running, in kW (default: pods × the default pod power). */
    static final String POWER_KW = "gridshift.io/power-kw";

    /** On a Deployment: the power of one replica, in kW (default: the default pod power). */
    static final String POWER_KW_PER_REPLICA = "gridshift.io/power-kw-per-replica";

    /** On a Deployment: the fewest replicas the adapter leaves running (default 1). */
    static final String MIN_REPLICAS = "gridshift.io/min-replicas";

    /** Written by the adapter: the dispatch order that holds this workload. */
    static final String HELD_BY = "gridshift.io/held-by";

    /** Written by the adapter: the order's end, when the hold must be gone (RFC 3339). */
    static final String HELD_UNTIL = "gridshift.io/held-until";

    /** Written by the adapter on a Deployment: its replicas before the order scaled it down. */
    static final String PREVIOUS_REPLICAS = "gridshift.io/previous-replicas";

    /** Written by the adapter on a Deployment: the replicas the order scaled it down to. */
    static final String HELD_REPLICAS = "gridshift.io/held-replicas";

    private Convention() {}

    static FlexJob job(Job job, double defaultPodKw) {
        ObjectMeta meta = job.getMetadata();
        Map<String, String> notes = annotations(meta);
        int pods = job.getSpec() == null ? 1 : positive(job.getSpec().getParallelism(), 1);
        double kw = kw(notes.get(POWER_KW), pods * defaultPodKw);
        String rawDeadline = notes.get(DEADLINE);
        Instant deadline = rawDeadline == null ? null : instant(rawDeadline);
        boolean suspended =
                job.getSpec() != null && Boolean.TRUE.equals(job.getSpec().getSuspend());
        return new FlexJob(
                meta.getNamespace(),
                meta.getName(),
                kw,
                deadline,
                rawDeadline != null && deadline == null,
                !finished(job),
                suspended,
                notes.get(HELD_BY));
    }

    static FlexDeployment deployment(Deployment deployment, double defaultPodKw) {
        ObjectMeta meta = deployment.getMetadata();
        Map<String, String> notes = annotations(meta);
        Integer specReplicas =
                deployment.getSpec() == null ? null : deployment.getSpec().getReplicas();
        int replicas = specReplicas == null ? 1 : Math.max(0, specReplicas);
        String rawMin = notes.get(MIN_REPLICAS);
        // An unreadable minimum means "do not scale": the present count is the floor.
        int min = rawMin == null ? 1 : integer(rawMin, replicas);
        return new FlexDeployment(
                meta.getNamespace(),
                meta.getName(),
                replicas,
                Math.min(Math.max(min, 0), Math.max(replicas, 0)),
                kw(notes.get(POWER_KW_PER_REPLICA), defaultPodKw),
                notes.get(HELD_BY),
                integer(notes.get(PREVIOUS_REPLICAS), -1),
                integer(notes.get(HELD_REPLICAS), -1));
    }

    static Map<String, String> annotations(ObjectMeta meta) {
        return meta.getAnnotations() == null ? Map.of() : meta.getAnnotations();
    }

    private static boolean finished(Job job) {
        if (job.getStatus() == null || job.getStatus().getConditions() == null) {
            return false;
        }
        for (JobCondition c : job.getStatus().getConditions()) {
            if (("Complete".equals(c.getType()) || "Failed".equals(c.getType()))
                    && "True".equals(c.getStatus())) {
                return true;
            }
        }
        return false;
    }

    private static int positive(Integer value, int fallback) {
        return value == null || value < 1 ? fallback : value;
    }

    private static double kw(String raw, double fallback) {
        if (raw == null) {
            return fallback;
        }
        try {
            double kw = Double.parseDouble(raw.trim());
            return kw >= 0 && kw <= Check.MAX_SITE_KW ? kw : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static int integer(String raw, int fallback) {
        if (raw == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(raw.trim());
            return n >= 0 ? n : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static Instant instant(String raw) {
        try {
            return OffsetDateTime.parse(raw.trim()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
