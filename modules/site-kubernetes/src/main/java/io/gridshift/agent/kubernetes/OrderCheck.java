package io.gridshift.agent.kubernetes;

import io.gridshift.domain.dispatch.DispatchAction;
import io.gridshift.domain.dispatch.DispatchOrder;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Whether the cluster, as listed, can carry an order: a pure function for {@code check}. */
final class OrderCheck {
    private OrderCheck() {}

    static double askedKw(DispatchOrder order, String resource) {
        double kw = 0;
        for (DispatchAction a : order.actions()) {
            if (a instanceof DispatchAction.Reduce r && r.resource().equals(resource)) {
                kw += r.reductionKw();
            }
        }
        return kw;
    }

    static Optional<String> check(
            DispatchOrder order,
            double jobsKw,
            double deploymentsKw,
            List<FlexJob> jobs,
            List<FlexDeployment> deployments) {
        String id = order.id().value();
        Instant end = order.end();
        if (jobsKw > HoldPlan.EPS_KW) {
            // What this order already holds comes back before a new revision applies.
            double ownKw = 0;
            for (FlexJob j : jobs) {
                ownKw +=
                        j.heldBy(id) && j.active() && !j.badDeadline() && j.keepsDeadline(end)
                                ? j.powerKw()
                                : 0;
            }
            double availableKw = HoldPlan.jobKw(HoldPlan.holdable(jobs, end)) + ownKw;
            if (jobsKw > availableKw + HoldPlan.EPS_KW) {
                Optional<FlexJob> blocker = deadlineBlocker(jobs, end);
                if (blocker.isPresent()) {
                    return reason(
                            "cannot hold %.1f kW of jobs until %s: holding %s would break its"
                                    + " deadline %s; only %.1f kW can be held that long",
                            jobsKw,
                            end,
                            blocker.get().ref(),
                            blocker.get().deadline(),
                            availableKw);
                }
                return reason(
                        "cannot hold %.1f kW of jobs: only %.1f kW of flexible jobs can be"
                                + " suspended",
                        jobsKw, availableKw);
            }
        }
        if (deploymentsKw > HoldPlan.EPS_KW) {
            double availableKw = HoldPlan.spareKw(deployments);
            for (FlexDeployment d : deployments) {
                if (d.heldBy(id)) {
                    availableKw += (d.restoredReplicas() - d.minReplicas()) * d.kwPerReplica();
                }
            }
            if (deploymentsKw > availableKw + HoldPlan.EPS_KW) {
                return reason(
                        "cannot scale down %.1f kW of deployments: only %.1f kW of replicas"
                                + " are above their minimum",
                        deploymentsKw, availableKw);
            }
        }
        return Optional.empty();
    }

    private static Optional<FlexJob> deadlineBlocker(List<FlexJob> jobs, Instant end) {
        for (FlexJob j : jobs) {
            if (j.holdable() && !j.keepsDeadline(end)) {
                return Optional.of(j);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> reason(String format, Object... args) {
        return Optional.of(String.format(Locale.ROOT, format, args));
    }
}
