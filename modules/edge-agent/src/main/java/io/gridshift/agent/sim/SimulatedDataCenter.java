package io.gridshift.agent.sim;

import static io.gridshift.agent.sim.SimulatedResources.BATCH;
import static io.gridshift.agent.sim.SimulatedResources.CHW;
import static io.gridshift.agent.sim.SimulatedResources.GEN;
import static io.gridshift.agent.sim.SimulatedResources.TRAIN;
import static io.gridshift.agent.sim.SimulatedResources.UPS;

import io.gridshift.agent.site.SiteAdapter;
import io.gridshift.agent.site.SiteReading;
import io.gridshift.domain.dispatch.DispatchAction;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import io.gridshift.domain.flex.FlexEnvelope;
import io.gridshift.domain.site.SiteId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A simulated data center: the first {@link SiteAdapter}, for tests, demos and the fleet simulator.
 * See the package documentation for the model.
 *
 * <p>It has no clock: every call brings the model forward in fixed steps ({@link
 * SimulatedSiteOptions#step()}) to the instant it is given, so the results depend on the seed and
 * the orders only, never on how often it is read. An instant before the last step moves nothing and
 * reads the current state. Construction runs six hours of warm-up before {@code start} so that the
 * batch queue and the noise are in their steady state. Thread-safe.
 *
 * <p>Two plants run side by side: the site, which obeys the orders, and a shadow with the same
 * inputs and no orders. {@link #achievedKw} is the shadow's grid import minus the site's.
 *
 * <p>Migrations last as long as the order: MIGRATE_OUT checkpoints the job and stops it here after
 * {@link SimulatedResources#MIG_RAMP}; it keeps progressing at the other site, and comes back on
 * {@link #revert} unless it finished there. MIGRATE_IN reserves hosting capacity at once, starts
 * the job after the same ramp, and ends it on revert. Every movement is kept in {@link
 * #migrations()}.
 */
public final class SimulatedDataCenter implements SiteAdapter {
    private static final Duration WARM_UP = Duration.ofHours(6);

    /** How long a reverted order still counts as running for reads: a hand-over's gap. */
    static final Duration HAND_OVER = Duration.ofSeconds(2);

    private final SimulatedSiteOptions options;
    private final PueModel pue;
    private final SiteInputs inputs;
    private final Plant site;
    private final Plant shadow;
    private final ActiveOrders orders = new ActiveOrders();
    private final Map<DispatchId, ActiveOrders.Active> reverting = new HashMap<>();
    private final Map<DispatchId, Long> revertedAtS = new HashMap<>();

    /**
     * The last revision of each order this site found it could carry out: before the order starts
     * it is not applied yet, and a next revision repeating its levels is held to them, not to what
     * the site could take on anew (see {@link OrderChecker}).
     */
    private final Map<DispatchId, DispatchOrder> agreed = new HashMap<>();

    private final List<MigrationRecord> migrations = new ArrayList<>();
    private final long stepS;
    private long clockS;

    public SimulatedDataCenter(SimulatedSiteOptions options, Instant start) {
        this.options = Objects.requireNonNull(options, "options");
        this.stepS = options.step().getSeconds();
        this.pue = new PueModel(options.pue());
        this.inputs = new SiteInputs(options);
        long startS = start.getEpochSecond();
        this.clockS = startS - (WARM_UP.getSeconds() + stepS - 1) / stepS * stepS;
        this.site = new Plant(options, pue, clockS);
        this.shadow = new Plant(options, pue, clockS);
        advanceTo(startS);
    }

    public SimulatedSiteOptions options() {
        return options;
    }

    @Override
    public synchronized SiteReading read(Instant now) {
        return state(now).toReading();
    }

    /** The site's full state at the last step at or before {@code now}. */
    public synchronized SimulatedSiteState state(Instant now) {
        return reading(now, () -> site.state());
    }

    /** The shadow baseline's state: the same site without any order. */
    public synchronized SimulatedSiteState baseline(Instant now) {
        return reading(now, () -> shadow.state());
    }

    /** Every job movement so far, oldest first. */
    public synchronized List<MigrationRecord> migrations() {
        // a read: settling reverts here could undo the moves of a hand-over under way (undoing a
        // move records nothing, so the list is the same either way)
        return List.copyOf(migrations);
    }

    @Override
    public synchronized FlexEnvelope envelope(Instant now, Duration validity) {
        return reading(
                now,
                () -> {
                    Availability a = new Availability(options, pue, site, orders, clockS, null);
                    return EnvelopeBuilder.build(options, a, site, shadow, now, validity);
                });
    }

    @Override
    public synchronized Optional<String> check(DispatchOrder order, Instant now) {
        return reading(now, () -> checkNow(order, now));
    }

    /**
     * A read (state, envelope, check, achieved kW) at {@code now}. An order reverted within the
     * last {@link #HAND_OVER} still counts as running: the agent reverts a revision just before it
     * applies the next, and a read from another thread in between (the telemetry cycle, the next
     * revision's check) must neither undo the moves the next revision keeps nor judge that revision
     * against a site without its order. Older reverts are settled (their moves undone).
     */
    private <T> T reading(Instant now, java.util.function.Supplier<T> read) {
        long nowS = now.getEpochSecond();
        List<DispatchId> old = new ArrayList<>();
        revertedAtS.forEach(
                (id, at) -> {
                    if (nowS - at >= HAND_OVER.getSeconds()) {
                        old.add(id);
                    }
                });
        settleReverts(old);
        List<ActiveOrders.Active> pending = new ArrayList<>();
        for (ActiveOrders.Active r : reverting.values()) {
            if (orders.get(r.order.id()) == null) {
                orders.put(r);
                pending.add(r);
            }
        }
        try {
            advanceTo(nowS);
            return read.get();
        } finally {
            pending.forEach(r -> orders.remove(r.order.id()));
        }
    }

    @Override
    public synchronized void apply(DispatchOrder order, Instant now) {
        ActiveOrders.Active reverted = reverting.remove(order.id());
        revertedAtS.remove(order.id());
        boolean handOver =
                reverted != null
                        && reverted.order.revision() < order.revision()
                        && orders.get(order.id()) == null;
        if (reverted != null && !handOver) {
            reverting.put(order.id(), reverted);
            revertedAtS.put(order.id(), now.getEpochSecond());
        }
        settleReverts();
        advanceTo(now.getEpochSecond());
        ActiveOrders.Active previous = orders.get(order.id());
        if (handOver) {
            // the agent reverts a revision just before applying the next: a hand-over, checked
            // as the revision being replaced
            previous = reverted;
            orders.put(reverted);
        }
        if (previous != null && previous.order.revision() >= order.revision()) {
            if (previous.order.revision() == order.revision()) {
                return;
            }
            throw new GridshiftException(
                    ErrorKind.CONFLICT,
                    "stale-revision",
                    "revision "
                            + order.revision()
                            + " of "
                            + order.id()
                            + " is older than "
                            + previous.order.revision());
        }
        Optional<String> why = checkNow(order, now);
        if (why.isPresent()) {
            if (handOver) {
                orders.remove(order.id()); // reverted after all: its moves undone next call
                reverting.put(order.id(), reverted);
                revertedAtS.put(order.id(), now.getEpochSecond());
            }
            throw new GridshiftException(ErrorKind.CONFLICT, "rejected", why.get());
        }
        // Nothing below can fail once the check passed; the state changes in one go.
        ActiveOrders.Active next =
                new ActiveOrders.Active(
                        order,
                        fromS(order, now),
                        levels(previous, order),
                        previous == null ? fromS(order, now) : previous.moveFromS);
        if (previous != null) {
            handOver(previous, next);
        }
        orders.put(next);
    }

    @Override
    public synchronized void revert(DispatchOrder order, Instant now) {
        settleReverts();
        advanceTo(now.getEpochSecond());
        ActiveOrders.Active active = orders.get(order.id());
        if (active == null || order.revision() < active.order.revision()) {
            return;
        }
        orders.remove(order.id());
        // Its moves are undone on the next change, unless that change applies the next revision
        // of the same order: then the moves it repeats go on (see apply). Reads in between see it
        // still running (see reading).
        reverting.put(order.id(), active);
        revertedAtS.put(order.id(), now.getEpochSecond());
        if (!now.isBefore(order.end())) {
            settleReverts(List.of(order.id())); // ended: no next revision follows
            agreed.remove(order.id());
        }
    }

    /** Undoes the moves of every order reverted and not yet settled. */
    private void settleReverts() {
        settleReverts(List.copyOf(reverting.keySet()));
    }

    /** Undoes the moves of these reverted orders. */
    private void settleReverts(List<DispatchId> ids) {
        for (DispatchId id : ids) {
            ActiveOrders.Active active = reverting.remove(id);
            revertedAtS.remove(id);
            if (active == null) {
                continue;
            }
            for (int i = active.executed.nextSetBit(0);
                    i >= 0;
                    i = active.executed.nextSetBit(i + 1)) {
                undoMigration(active, i);
            }
        }
    }

    @Override
    public synchronized double achievedKw(DispatchOrder order, Instant now) {
        return reading(now, () -> achievedNow(order));
    }

    private double achievedNow(DispatchOrder order) {
        ActiveOrders.Active active = orders.get(order.id());
        if (active == null
                || active.order.revision() != order.revision()
                || clockS < active.fromS) {
            return 0;
        }
        double total = shadow.state().gridImportKw() - site.state().gridImportKw();
        List<ActiveOrders.Active> all = orders.all();
        if (all.size() == 1) {
            return total;
        }
        double sum = 0;
        for (ActiveOrders.Active a : all) {
            sum += a.order.netReductionKw();
        }
        return sum == 0 ? 0 : total * order.netReductionKw() / sum;
    }

    private Optional<String> checkNow(DispatchOrder order, Instant now) {
        long fromS = fromS(order, now);
        long windowS = order.end().getEpochSecond() - fromS;
        Availability a = new Availability(options, pue, site, orders, clockS, order.id());
        ActiveOrders.Active active = orders.get(order.id());
        DispatchOrder inForce = active != null ? active.order : agreed.get(order.id());
        Optional<String> why =
                new OrderChecker(options, a, site, orders).check(order, fromS, windowS, inForce);
        if (why.isEmpty()) {
            agreed.put(order.id(), order);
        }
        return why;
    }

    private static long fromS(DispatchOrder order, Instant now) {
        return Math.max(now.getEpochSecond(), order.start().getEpochSecond());
    }

    /** What the revision {@code previous} had reached, per resource either revision names. */
    private Map<String, Double> levels(ActiveOrders.Active previous, DispatchOrder next) {
        Map<String, Double> out = new HashMap<>();
        if (previous == null) {
            return out;
        }
        for (List<DispatchAction> actions : List.of(previous.order.actions(), next.actions())) {
            for (DispatchAction a : actions) {
                if (a instanceof DispatchAction.Reduce r) {
                    String id = r.resource();
                    out.put(id, previous.levelKw(id, clockS, SimulatedResources.ramp(id, options)));
                }
            }
        }
        return out;
    }

    /** A new revision keeps the moves it repeats and undoes the ones it drops. */
    private void handOver(ActiveOrders.Active previous, ActiveOrders.Active next) {
        List<DispatchAction> kept = next.order.actions();
        for (int i = previous.executed.nextSetBit(0);
                i >= 0;
                i = previous.executed.nextSetBit(i + 1)) {
            DispatchAction done = previous.order.actions().get(i);
            int same = indexOfSameMove(kept, done);
            if (same >= 0) {
                next.executed.set(same);
            } else {
                undoMigration(previous, i);
            }
        }
    }

    private static int indexOfSameMove(List<DispatchAction> actions, DispatchAction move) {
        for (int j = 0; j < actions.size(); j++) {
            DispatchAction a = actions.get(j);
            if (a.kind() == move.kind()
                    && Objects.equals(ActiveOrders.jobOf(a), ActiveOrders.jobOf(move))) {
                return j;
            }
        }
        return -1;
    }

    private void advanceTo(long targetS) {
        while (clockS + stepS <= targetS) {
            long endS = clockS + stepS;
            StepInputs in = inputs.next(endS, stepS);
            shadow.step(in, Commands.NONE, stepS);
            if (orders.isEmpty()) {
                site.step(in, Commands.NONE, stepS);
            } else {
                runDueMigrations(endS);
                site.step(in, commands(endS, in), stepS);
            }
            clockS = endS;
        }
    }

    private Commands commands(long tS, StepInputs in) {
        double marginal = pue.marginal(in.outdoorC());
        SimulatedSiteState base = shadow.state();
        double batchKw = asked(BATCH, tS);
        double budgetKw =
                batchKw > 0
                        ? Math.max(0, base.batchKw() - batchKw / marginal)
                        : Double.POSITIVE_INFINITY;
        // a rebound limit bounds the batch above the shadow's: the catch-up of deferred jobs
        budgetKw = Math.min(budgetKw, base.batchKw() + orders.reboundLimitKw(BATCH, tS) / marginal);
        double chillerNeedKw = pue.chillerKw(base.itKw(), in.outdoorC());
        double coast = chillerNeedKw > 0 ? Math.min(1, asked(CHW, tS) / chillerNeedKw) : 0;
        return new Commands(
                budgetKw,
                asked(TRAIN, tS) / marginal,
                coast,
                asked(UPS, tS),
                asked(GEN, tS),
                orders.reboundLimitKw(UPS, tS),
                orders.reboundLimitKw(CHW, tS));
    }

    private double asked(String resource, long tS) {
        return orders.askedKw(resource, tS, SimulatedResources.ramp(resource, options), null);
    }

    private void runDueMigrations(long tS) {
        for (ActiveOrders.Active active : orders.all()) {
            if (tS < active.moveFromS + SimulatedResources.MIG_RAMP.getSeconds()) {
                continue;
            }
            List<DispatchAction> actions = active.order.actions();
            for (int i = 0; i < actions.size(); i++) {
                if (!active.executed.get(i) && ActiveOrders.jobOf(actions.get(i)) != null) {
                    active.executed.set(i);
                    runMigration(active, actions.get(i), Instant.ofEpochSecond(tS));
                }
            }
        }
    }

    private void runMigration(ActiveOrders.Active active, DispatchAction action, Instant at) {
        if (action instanceof DispatchAction.MigrateOut out) {
            // A job that finished before its checkpoint has nothing left to move.
            site.training
                    .job(out.job())
                    .filter(job -> !job.away)
                    .ifPresent(
                            job -> {
                                job.away = true;
                                record(
                                        active,
                                        action,
                                        out.toSite(),
                                        site.training.nominalKw(job),
                                        at);
                            });
        } else if (action instanceof DispatchAction.MigrateIn in) {
            site.hosted.start(in.job(), in.jobKw());
            record(active, action, in.fromSite(), in.jobKw(), at);
        }
    }

    private void undoMigration(ActiveOrders.Active active, int index) {
        DispatchAction action = active.order.actions().get(index);
        if (action instanceof DispatchAction.MigrateOut out) {
            site.training.job(out.job()).ifPresent(job -> job.away = false);
        } else if (action instanceof DispatchAction.MigrateIn in) {
            site.hosted.stop(in.job());
        }
        active.executed.clear(index);
    }

    private void record(
            ActiveOrders.Active active, DispatchAction action, SiteId peer, double kw, Instant at) {
        migrations.add(
                new MigrationRecord(
                        active.order.id(),
                        action.kind(),
                        ActiveOrders.jobOf(action),
                        peer,
                        kw,
                        at));
    }
}
