package io.gridshift.agent.slurm;

import io.gridshift.agent.gpu.CommandRunner;
import io.gridshift.agent.site.SiteAdapter;
import io.gridshift.agent.site.SiteReading;
import io.gridshift.domain.dispatch.DispatchAction;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.flex.DeferrableJobs;
import io.gridshift.domain.flex.FlexEnvelope;
import io.gridshift.domain.flex.Limits;
import java.nio.file.Path;
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
 * A site adapter for a Slurm cluster: sheds the power of flexible batch jobs by suspending (or
 * requeueing) running ones, holds the flexible jobs waiting in the queue so that they do not take
 * the freed CPUs, lowers the configured partition limits, and undoes exactly that at the order's
 * end. Which jobs are flexible, and what they draw, comes from their comment ({@link Convention});
 * what an order did to a job is marked in the job's admin comment, so that a fresh adapter (after
 * an agent restart) reverts it.
 *
 * <p>One resource, {@value #JOBS}, {@link DeferrableJobs}: a paused job's work comes back when it
 * resumes. Its power is that of the running flexible jobs that may be paused for the envelope's
 * validity; held pending jobs draw nothing now and so add nothing to it.
 *
 * <p>{@link #read} reports only the estimated IT load of the running jobs (facility = IT, all from
 * the grid): a real site combines this adapter with one that reads the facility meters.
 */
public final class SlurmSiteAdapter implements SiteAdapter {
    /** The id of the jobs resource. */
    public static final String JOBS = "slurm-jobs";

    private static final Logger LOG = LoggerFactory.getLogger(SlurmSiteAdapter.class);

    private final SlurmAdapterOptions options;
    private final SlurmCli slurm;
    private final JobHolds jobHolds;
    private final PartitionHolds partitionHolds;

    /**
     * @param runner runs squeue and scontrol; its timeout is the commands' timeout
     * @param binDir where squeue and scontrol are; {@code null} for the PATH
     * @param conf the slurm.conf the commands use (SLURM_CONF); {@code null} for Slurm's default
     */
    public SlurmSiteAdapter(
            SlurmAdapterOptions options, CommandRunner runner, Path binDir, Path conf) {
        this(options, runner, binDir, conf, null);
    }

    /**
     * @param stateFile where lowered partition limits are journaled across restarts; {@code null}
     *     for memory only
     */
    public SlurmSiteAdapter(
            SlurmAdapterOptions options,
            CommandRunner runner,
            Path binDir,
            Path conf,
            Path stateFile) {
        this(options, new SlurmCli(runner, binDir, conf), stateFile);
    }

    SlurmSiteAdapter(SlurmAdapterOptions options, SlurmCli slurm, Path stateFile) {
        this.options = Objects.requireNonNull(options, "options");
        this.slurm = Objects.requireNonNull(slurm, "slurm");
        this.jobHolds = new JobHolds(slurm);
        this.partitionHolds = new PartitionHolds(slurm, stateFile);
    }

    /** The jobs of the covered partitions, the convention read. */
    private List<FlexJob> jobs() {
        List<FlexJob> jobs = new ArrayList<>();
        for (SlurmJob j : slurm.jobs()) {
            if (options.covers(j.partition())) {
                jobs.add(FlexJob.of(j, options.defaultCpuKw()));
            }
        }
        return jobs;
    }

    @Override
    public SiteReading read(Instant now) {
        double itKw = 0;
        for (FlexJob j : jobs()) {
            itKw += j.job().running() ? j.powerKw() : 0;
        }
        return new SiteReading(itKw, itKw, itKw, 0, null);
    }

    @Override
    public synchronized FlexEnvelope envelope(Instant now, Duration validity) {
        partitionHolds.restoreEnded(now);
        List<FlexJob> jobs = jobs();
        jobs = sweep(jobs, now);
        List<FlexJob> pausable = JobPlan.pausable(jobs, now.plus(validity));
        double runningKw = 0;
        double heldKw = 0;
        for (FlexJob j : jobs) {
            runningKw += j.job().running() ? j.powerKw() : 0;
            boolean paused = j.mark() != null && j.mark().action() != Action.HOLD;
            heldKw += paused && j.stillPaused() ? j.powerKw() : 0;
        }
        DeferrableJobs resource =
                new DeferrableJobs(
                        JOBS,
                        JobPlan.kw(pausable),
                        JobPlan.maxHold(pausable, now, Limits.MAX_HOLD),
                        options.ramp(),
                        options.jobCostPerKwh(),
                        1.0);
        return new FlexEnvelope(
                options.site(),
                now,
                now.plus(validity),
                options.zone(),
                runningKw + heldKw,
                0,
                List.of(resource));
    }

    /**
     * Releases jobs whose mark says their order ended before {@code now}: an order the agent lost
     * (its store was wiped) must not keep jobs held. Returns the jobs as they are after it.
     */
    private List<FlexJob> sweep(List<FlexJob> jobs, Instant now) {
        boolean swept = false;
        for (FlexJob j : jobs) {
            if (j.mark() != null && !j.mark().until().isAfter(now)) {
                LOG.warn(
                        "{} is still marked by order {}, which ended at {}: releasing it",
                        j.ref(),
                        j.mark().order(),
                        j.mark().until());
                try {
                    jobHolds.release(j);
                    swept = true;
                } catch (GridshiftException e) {
                    LOG.warn("Cannot release {}: {}", j.ref(), e.getMessage());
                }
            }
        }
        return swept ? jobs() : jobs;
    }

    @Override
    public Optional<String> check(DispatchOrder order, Instant now) {
        for (DispatchAction action : order.actions()) {
            if (action instanceof DispatchAction.LimitRebound l) {
                return reason(
                        "LIMIT_REBOUND on '%s' is not supported by the Slurm adapter: held jobs are"
                                + " released whole when their order ends and Slurm starts them as"
                                + " it can; the adapter does not meter their return",
                        l.resource());
            }
            if (!(action instanceof DispatchAction.Reduce r)) {
                return reason("this Slurm site cannot %s", action.kind());
            }
            if (!JOBS.equals(r.resource())) {
                return reason("unknown resource '%s'", r.resource());
            }
        }
        try {
            return JobPlan.check(jobs(), order.id().value(), order.end(), askedKw(order));
        } catch (GridshiftException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static double askedKw(DispatchOrder order) {
        double kw = 0;
        for (DispatchAction a : order.actions()) {
            kw +=
                    a instanceof DispatchAction.Reduce r && JOBS.equals(r.resource())
                            ? r.reductionKw()
                            : 0;
        }
        return kw;
    }

    @Override
    public synchronized void apply(DispatchOrder order, Instant now) {
        Optional<String> why = check(order, now);
        if (why.isPresent()) {
            throw new GridshiftException(ErrorKind.CONFLICT, "adapter_refused", why.get());
        }
        // A new revision replaces the old one: give back what the old one holds first.
        revert(order, now);
        String id = order.id().value();
        Applied applied = new Applied(id);
        try {
            JobPlan plan = JobPlan.plan(jobs(), order.end(), askedKw(order));
            for (FlexJob j : plan.hold()) {
                applied.job(j, Action.HOLD, order.end());
            }
            for (FlexJob j : plan.pause()) {
                applied.job(j, j.pauseAction(), order.end());
            }
            for (PartitionLimit limit : options.partitionLimits()) {
                partitionHolds.lower(id, limit, order.end());
                applied.partitions = true;
            }
            LOG.info(
                    "Order {} held {} pending jobs, paused {} running ones, lowered {} partition"
                            + " limits",
                    id,
                    plan.hold().size(),
                    plan.pause().size(),
                    options.partitionLimits().size());
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
            applied.undo(failure);
            throw failure;
        }
    }

    /** What {@link #apply} did so far, to undo it when a later step fails. */
    private final class Applied {
        private final String order;
        private final List<FlexJob> marked = new ArrayList<>();
        private final List<Action> acted = new ArrayList<>();
        private boolean partitions;

        Applied(String order) {
            this.order = order;
        }

        void job(FlexJob j, Action action, Instant until) {
            jobHolds.mark(j, order, action, until);
            marked.add(j);
            acted.add(null);
            jobHolds.act(j, action);
            acted.set(acted.size() - 1, action);
        }

        void undo(GridshiftException cause) {
            if (partitions || partitionHolds.holds(order)) {
                JobHolds.tryTo(() -> partitionHolds.restore(order), cause);
            }
            for (int i = marked.size() - 1; i >= 0; i--) {
                FlexJob j = marked.get(i);
                Action a = acted.get(i);
                if (a != null) {
                    try {
                        jobHolds.undo(j, a);
                    } catch (GridshiftException e) {
                        // Still held: the mark stays, so that revert and the sweep find it.
                        cause.addSuppressed(e);
                        continue;
                    }
                }
                JobHolds.tryTo(() -> jobHolds.unmark(j), cause);
            }
        }
    }

    /**
     * Releases every job marked with this order's id and restores its partition limits. Every
     * release is tried; a failure is thrown at the end with the others suppressed, and what failed
     * stays marked for a retry.
     */
    @Override
    public synchronized void revert(DispatchOrder order, Instant now) {
        String id = order.id().value();
        GridshiftException failure =
                new GridshiftException(
                        ErrorKind.UNAVAILABLE, "revert_failed", "order " + id + " not reverted");
        if (partitionHolds.holds(id)) {
            JobHolds.tryTo(() -> partitionHolds.restore(id), failure);
        }
        int released = 0;
        for (FlexJob j : jobs()) {
            if (j.markedBy(id)) {
                JobHolds.tryTo(() -> jobHolds.release(j), failure);
                released++;
            }
        }
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
        if (released > 0) {
            LOG.info("Order {} reverted: {} jobs released", id, released);
        }
    }

    @Override
    public double achievedKw(DispatchOrder order, Instant now) {
        String id = order.id().value();
        double kw = 0;
        try {
            for (FlexJob j : jobs()) {
                boolean paused = j.markedBy(id) && j.mark().action() != Action.HOLD;
                kw += paused && j.stillPaused() ? j.powerKw() : 0;
            }
        } catch (GridshiftException e) {
            LOG.warn("Cannot read the queue for order {}: {}", id, e.getMessage());
            return 0;
        }
        return kw;
    }

    private static Optional<String> reason(String format, Object... args) {
        return Optional.of(String.format(Locale.ROOT, format, args));
    }
}
