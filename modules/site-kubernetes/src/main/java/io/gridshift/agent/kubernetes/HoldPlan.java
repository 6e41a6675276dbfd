package io.gridshift.agent.kubernetes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which Jobs to suspend and which Deployments to scale down for an order: a pure function of what
 * the cluster shows, so that it can be tested without one.
 *
 * @param jobs the Jobs to suspend
 * @param scales the Deployments to scale down
 */
record HoldPlan(List<FlexJob> jobs, List<Scale> scales) {
    static final double EPS_KW = 1e-6;

    /** One Deployment scaled from its present replicas down to {@code toReplicas}. */
    record Scale(FlexDeployment deployment, int toReplicas) {}

    /** Jobs an order could suspend until {@code until} without breaking a deadline. */
    static List<FlexJob> holdable(List<FlexJob> jobs, Instant until) {
        List<FlexJob> out = new ArrayList<>();
        for (FlexJob j : jobs) {
            if (j.holdable() && j.keepsDeadline(until)) {
                out.add(j);
            }
        }
        return out;
    }

    static double jobKw(List<FlexJob> jobs) {
        double kw = 0;
        for (FlexJob j : jobs) {
            kw += j.powerKw();
        }
        return kw;
    }

    static double spareKw(List<FlexDeployment> deployments) {
        double kw = 0;
        for (FlexDeployment d : deployments) {
            kw += d.spareReplicas() * d.kwPerReplica();
        }
        return kw;
    }

    /**
     * The plan for {@code jobsKw} of Jobs held until {@code until} and {@code deploymentsKw} of
     * replicas. Jobs with the most slack go first (no deadline, then the latest), larger ones first
     * among equals; Jobs come whole, so the plan may shed a little more than asked.
     */
    static HoldPlan plan(
            List<FlexJob> jobs,
            List<FlexDeployment> deployments,
            Instant until,
            double jobsKw,
            double deploymentsKw) {
        List<FlexJob> candidates = holdable(jobs, until);
        candidates.sort(
                Comparator.comparing(
                                FlexJob::deadline,
                                Comparator.nullsFirst(Comparator.<Instant>reverseOrder()))
                        .thenComparing(Comparator.comparingDouble(FlexJob::powerKw).reversed()));
        List<FlexJob> picked = new ArrayList<>();
        double left = jobsKw;
        for (FlexJob j : candidates) {
            if (left <= EPS_KW) {
                break;
            }
            if (j.powerKw() > 0) {
                picked.add(j);
                left -= j.powerKw();
            }
        }
        List<Scale> scales = new ArrayList<>();
        left = deploymentsKw;
        for (FlexDeployment d : deployments) {
            if (left <= EPS_KW) {
                break;
            }
            int spare = d.spareReplicas();
            if (spare <= 0) {
                continue;
            }
            int n = (int) Math.min(spare, Math.ceil(left / d.kwPerReplica() - EPS_KW));
            scales.add(new Scale(d, d.replicas() - n));
            left -= n * d.kwPerReplica();
        }
        return new HoldPlan(List.copyOf(picked), List.copyOf(scales));
    }
}
