package io.gridshift.agent.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.gridshift.agent.site.SiteAdapter;
import io.gridshift.agent.site.SiteReading;
import io.gridshift.domain.dispatch.DispatchAction;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.flex.DeferrableJobs;
import io.gridshift.domain.flex.FlexEnvelope;
import io.gridshift.domain.flex.FlexResource;
import io.gridshift.domain.flex.Limits;
import io.gridshift.domain.flex.LossCurve;
import io.gridshift.domain.flex.PowerCap;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A site adapter for a Kubernetes cluster: sheds the power of flexible work by suspending Jobs
 * ({@code spec.suspend}) and scaling Deployments down towards their minimum, and undoes both at the
 * order's end. What is flexible, and what each workload draws, comes from the labels and
 * annotations of {@link Convention}; what an order changed is written on the objects themselves, so
 * that a fresh adapter (after an agent restart) reverts it.
 *
 * <p>Two resources: {@value #JOBS}, {@link DeferrableJobs} (a suspended Job's work comes back when
 * it resumes), and {@value #DEPLOYMENTS}, a {@link PowerCap}: fewer replicas serve the same
 * requests with less capacity, a throughput loss rather than deferred work, which is what a power
 * cap prices (the loss curve is the share of replicas removed).
 *
 * <p>{@link #read} reports only the estimated IT load of the flexible workloads (facility = IT, all
 * from the grid): a real site combines this adapter with one that reads the facility meters.
 */
public final class KubernetesSiteAdapter implements SiteAdapter {
    /** The id of the Jobs resource. */
    public static final String JOBS = "k8s-jobs";

    /** The id of the Deployments resource. */
    public static final String DEPLOYMENTS = "k8s-deployments";

    private static final Logger LOG = LoggerFactory.getLogger(KubernetesSiteAdapter.class);
    private static final double EPS_KW = HoldPlan.EPS_KW;
    private static final double MIN_CURVE_KW = 0.001;

    private final KubernetesAdapterOptions options;
    private final Cluster cluster;
    private final Holds holds;

    public KubernetesSiteAdapter(KubernetesAdapterOptions options, KubernetesClient client) {
        this.options = Objects.requireNonNull(options, "options");
        this.cluster = new Cluster(client, options);
        this.holds = new Holds(cluster);
    }

    @Override
    public SiteReading read(Instant now) {
        double itKw = runningKw(cluster.jobs(), cluster.deployments());
        return new SiteReading(itKw, itKw, itKw, 0, null);
    }

    private static double runningKw(List<FlexJob> jobs, List<FlexDeployment> deployments) {
        double kw = 0;
        for (FlexJob j : jobs) {
            kw += j.active() && !j.suspended() ? j.powerKw() : 0;
        }
        for (FlexDeployment d : deployments) {
            kw += d.replicas() * d.kwPerReplica();
        }
        return kw;
    }

    @Override
    public FlexEnvelope envelope(Instant now, Duration validity) {
        List<FlexJob> jobs = cluster.jobs();
        List<FlexDeployment> deployments = cluster.deployments();
        List<FlexJob> holdable = HoldPlan.holdable(jobs, now.plus(validity));
        Duration maxHold = Limits.MAX_HOLD;
        for (FlexJob j : holdable) {
            if (j.deadline() != null) {
                Duration slack = Duration.between(now, j.deadline());
                maxHold = slack.compareTo(maxHold) < 0 ? slack : maxHold;
            }
        }
        List<FlexResource> resources = new ArrayList<>();
        resources.add(
                new DeferrableJobs(
                        JOBS,
                        HoldPlan.jobKw(holdable),
                        maxHold,
                        options.ramp(),
                        options.jobCostPerKwh(),
                        1.0));
        resources.add(deploymentsResource(deployments));
        double baselineKw = runningKw(jobs, deployments) + heldKw(jobs, deployments, null);
        return new FlexEnvelope(
                options.site(), now, now.plus(validity), options.zone(), baselineKw, 0, resources);
    }

    private PowerCap deploymentsResource(List<FlexDeployment> deployments) {
        double spareKw = HoldPlan.spareKw(deployments);
        double totalKw = 0;
        for (FlexDeployment d : deployments) {
            totalKw += d.spareReplicas() > 0 ? d.replicas() * d.kwPerReplica() : 0;
        }
        double lossAtMax = totalKw > 0 ? Math.min(1, spareKw / totalKw) : 1;
        return new PowerCap(
                DEPLOYMENTS,
                spareKw,
                null,
                options.ramp(),
                LossCurve.linear(Math.max(spareKw, MIN_CURVE_KW), lossAtMax),
                options.serviceValuePerKwh());
    }

    @Override
    public Optional<String> check(DispatchOrder order, Instant now) {
        double[] asked = new double[2];
        for (DispatchAction action : order.actions()) {
            if (action instanceof DispatchAction.LimitRebound l) {
                return reason(
                        "LIMIT_REBOUND on '%s' is not supported by the Kubernetes adapter:"
                                + " suspended jobs resume and deployments scale back whole when"
                                + " their order ends; the adapter does not meter their return",
                        l.resource());
            }
            if (!(action instanceof DispatchAction.Reduce r)) {
                return reason("this Kubernetes site cannot %s", action.kind());
            }
            if (JOBS.equals(r.resource())) {
                asked[0] += r.reductionKw();
            } else if (DEPLOYMENTS.equals(r.resource())) {
                asked[1] += r.reductionKw();
            } else {
                return reason("unknown resource '%s'", r.resource());
            }
        }
        try {
            return OrderCheck.check(
                    order, asked[0], asked[1], cluster.jobs(), cluster.deployments());
        } catch (GridshiftException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public void apply(DispatchOrder order, Instant now) {
        Optional<String> why = check(order, now);
        if (why.isPresent()) {
            throw new GridshiftException(ErrorKind.CONFLICT, "adapter_refused", why.get());
        }
        // A new revision replaces the old one: give back what the old one holds first.
        revert(order, now);
        String id = order.id().value();
        HoldPlan plan =
                HoldPlan.plan(
                        cluster.jobs(),
                        cluster.deployments(),
                        order.end(),
                        OrderCheck.askedKw(order, JOBS),
                        OrderCheck.askedKw(order, DEPLOYMENTS));
        List<FlexJob> suspended = new ArrayList<>();
        List<FlexDeployment> scaled = new ArrayList<>();
        try {
            for (FlexJob j : plan.jobs()) {
                holds.suspend(j, id, order.end());
                suspended.add(j);
            }
            for (HoldPlan.Scale s : plan.scales()) {
                holds.scaleDown(s.deployment(), s.toReplicas(), id, order.end());
                scaled.add(s.deployment());
            }
        } catch (GridshiftException e) {
            GridshiftException failure =
                    new GridshiftException(
                            e.kind(),
                            e.reason(),
                            "order "
                                    + id
                                    + " not applied, what it changed is undone: "
                                    + e.getMessage(),
                            e);
            undo(id, suspended, scaled, failure);
            throw failure;
        }
        LOG.info(
                "Order {} suspended {} jobs and scaled {} deployments down",
                id,
                suspended.size(),
                scaled.size());
    }

    private void undo(
            String id,
            List<FlexJob> jobs,
            List<FlexDeployment> deployments,
            GridshiftException cause) {
        for (FlexJob j : jobs) {
            try {
                holds.resume(j, id);
            } catch (GridshiftException e) {
                cause.addSuppressed(e);
            }
        }
        for (FlexDeployment d : deployments) {
            try {
                holds.restore(d, id);
            } catch (GridshiftException e) {
                cause.addSuppressed(e);
            }
        }
    }

    /**
     * Releases every workload marked with this order's id. Every release is tried; a failure is
     * thrown at the end with the others suppressed, and what failed stays marked for a retry.
     */
    @Override
    public void revert(DispatchOrder order, Instant now) {
        String id = order.id().value();
        List<FlexJob> jobs = new ArrayList<>();
        for (FlexJob j : cluster.jobs()) {
            if (j.heldBy(id)) {
                jobs.add(j);
            }
        }
        List<FlexDeployment> deployments = new ArrayList<>();
        for (FlexDeployment d : cluster.deployments()) {
            if (d.heldBy(id)) {
                deployments.add(d);
            }
        }
        if (jobs.isEmpty() && deployments.isEmpty()) {
            return;
        }
        GridshiftException failure =
                new GridshiftException(
                        ErrorKind.UNAVAILABLE, "revert_failed", "order " + id + " not reverted");
        undo(id, jobs, deployments, failure);
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
        LOG.info("Order {} reverted: {} jobs, {} deployments", id, jobs.size(), deployments.size());
    }

    @Override
    public double achievedKw(DispatchOrder order, Instant now) {
        try {
            return heldKw(cluster.jobs(), cluster.deployments(), order.id().value());
        } catch (GridshiftException e) {
            LOG.warn("Cannot read the cluster for order {}: {}", order.id(), e.getMessage());
            return 0;
        }
    }

    /** Power held by {@code dispatchId}, or by any order when it is {@code null}. */
    private static double heldKw(
            List<FlexJob> jobs, List<FlexDeployment> deployments, String dispatchId) {
        double kw = 0;
        for (FlexJob j : jobs) {
            boolean ours = dispatchId == null ? j.heldBy() != null : j.heldBy(dispatchId);
            kw += ours && j.suspended() && j.active() ? j.powerKw() : 0;
        }
        for (FlexDeployment d : deployments) {
            boolean ours = dispatchId == null ? d.heldBy() != null : d.heldBy(dispatchId);
            kw += ours ? d.removedReplicas() * d.kwPerReplica() : 0;
        }
        return kw;
    }

    private static Optional<String> reason(String format, Object... args) {
        return Optional.of(String.format(Locale.ROOT, format, args));
    }
}
