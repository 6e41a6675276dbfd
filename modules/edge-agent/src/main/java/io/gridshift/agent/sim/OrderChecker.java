package io.gridshift.agent.sim;

import static io.gridshift.agent.sim.SimulatedResources.BATCH;
import static io.gridshift.agent.sim.SimulatedResources.CHW;
import static io.gridshift.agent.sim.SimulatedResources.GEN;
import static io.gridshift.agent.sim.SimulatedResources.MIG;
import static io.gridshift.agent.sim.SimulatedResources.TRAIN;
import static io.gridshift.agent.sim.SimulatedResources.UPS;

import io.gridshift.domain.dispatch.DispatchAction;
import io.gridshift.domain.dispatch.DispatchOrder;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Why a simulated site cannot carry out an order, checked against {@link Availability} with the
 * order's own earlier revision left out. The first reason found is returned; the texts name the
 * resource or job and the numbers behind the refusal.
 */
final class OrderChecker {
    private static final double EPS_KW = 1e-6;

    private final SimulatedSiteOptions options;
    private final Availability a;
    private final Plant site;
    private final ActiveOrders orders;
    private DispatchOrder inForce;

    OrderChecker(SimulatedSiteOptions options, Availability a, Plant site, ActiveOrders orders) {
        this.options = options;
        this.a = a;
        this.site = site;
        this.orders = orders;
    }

    /**
     * @param fromS when the order acts (its start, or now if later)
     * @param windowS how long it will act
     */
    Optional<String> check(DispatchOrder order, long fromS, long windowS) {
        ActiveOrders.Active active = orders.get(order.id());
        return check(order, fromS, windowS, active == null ? null : active.order);
    }

    /**
     * The same, with the earlier revision in force (applied, or agreed and not started yet): levels
     * it already holds are not checked again.
     */
    Optional<String> check(DispatchOrder order, long fromS, long windowS, DispatchOrder inForce) {
        this.inForce = inForce;
        if (!order.site().equals(options.site())) {
            return reason("order is for site %s, this is site %s", order.site(), options.site());
        }
        if (windowS <= 0) {
            return reason("window already over (end %s)", order.end());
        }
        Map<String, Double> reductions = new LinkedHashMap<>();
        for (DispatchAction action : order.actions()) {
            if (action instanceof DispatchAction.Reduce r) {
                reductions.merge(r.resource(), r.reductionKw(), Double::sum);
            }
        }
        for (Map.Entry<String, Double> e : reductions.entrySet()) {
            Optional<String> why = checkReduce(e.getKey(), e.getValue(), windowS, order);
            if (why.isPresent()) {
                return why;
            }
        }
        Optional<String> limits = checkReboundLimits(order);
        return limits.isPresent() ? limits : checkMigrations(order);
    }

    /**
     * A rebound limit needs a resource that gives energy back after an event: the batch queue's
     * deferred jobs, the battery's recharge, the store's re-cooling. Any level is safe: the limit
     * only slows the return, and a job at its deadline runs over it.
     */
    private Optional<String> checkReboundLimits(DispatchOrder order) {
        for (DispatchAction action : order.actions()) {
            if (action instanceof DispatchAction.LimitRebound l) {
                String res = l.resource();
                if (!SimulatedResources.has(res, options)) {
                    return reason("unknown resource '%s'", res);
                }
                if (!BATCH.equals(res) && !UPS.equals(res) && !CHW.equals(res)) {
                    return reason(
                            "LIMIT_REBOUND on '%s': it gives nothing back after an event"
                                    + " (only '%s', '%s' and '%s' do)",
                            res, BATCH, UPS, CHW);
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> checkReduce(String res, double kw, long windowS, DispatchOrder o) {
        if (!SimulatedResources.has(res, options)) {
            return reason("unknown resource '%s'", res);
        }
        if (kw <= inForceKw(res, o) + EPS_KW) {
            // a level already in force under this order was checked when it was ordered; the
            // next revision repeating it is not refused because the site can give less now (the
            // chillers need less once jobs moved out, batch jobs near their deadlines must run):
            // the simulated resources still keep every deadline and floor, the site gives what
            // it can, and its achieved kW says so
            return Optional.empty();
        }
        switch (res) {
            case BATCH:
                return checkBatch(kw, windowS, o);
            case TRAIN:
                return checkTraining(kw, windowS, o);
            case UPS:
                return checkBattery(kw, windowS, o);
            case CHW:
                return checkThermal(kw, windowS);
            case GEN:
                return above(GEN, kw, a.genKw());
            case MIG:
                return reason("resource '%s' moves jobs with MIGRATE_OUT actions, not REDUCE", MIG);
            default:
                return reason("unknown resource '%s'", res);
        }
    }

    /** The kW {@code res} is ordered to shed by the revision of {@code o} in force; 0 if none. */
    private double inForceKw(String res, DispatchOrder o) {
        if (inForce == null || !inForce.id().equals(o.id())) {
            return 0;
        }
        double kw = 0;
        for (DispatchAction action : inForce.actions()) {
            if (action instanceof DispatchAction.Reduce r && r.resource().equals(res)) {
                kw += r.reductionKw();
            }
        }
        return kw;
    }

    private Optional<String> checkBatch(double kw, long windowS, DispatchOrder o) {
        Optional<String> above = above(BATCH, kw, a.batchKw(0));
        if (above.isPresent()) {
            return above;
        }
        double holdable = a.batchKw(windowS);
        if (kw > holdable + EPS_KW) {
            return reason(
                    "holding %.0f kW of batch until %s would break a job deadline:"
                            + " only %.0f kW of running jobs can wait that long",
                    kw, o.end(), holdable);
        }
        return Optional.empty();
    }

    private Optional<String> checkTraining(double kw, long windowS, DispatchOrder o) {
        Optional<String> above = above(TRAIN, kw, a.trainKw());
        if (above.isPresent()) {
            return above;
        }
        if (kw > 0 && windowS > a.trainSlackS()) {
            return reason(
                    "capping training until %s would break a training job deadline"
                            + " (least slack %.0f s)",
                    o.end(), a.trainSlackS());
        }
        return Optional.empty();
    }

    private Optional<String> checkBattery(double kw, long windowS, DispatchOrder o) {
        Optional<String> above = above(UPS, kw, a.upsKw());
        if (above.isPresent()) {
            return above;
        }
        double neededKwh = kw * windowS / 3600.0;
        if (neededKwh > a.upsKwh() + EPS_KW) {
            return reason(
                    "battery would fall below its %.0f %% floor before %s:"
                            + " needs %.0f kWh, has %.0f kWh above the floor",
                    options.battery().minSocPct(), o.end(), neededKwh, Math.max(0, a.upsKwh()));
        }
        return Optional.empty();
    }

    private Optional<String> checkThermal(double kw, long windowS) {
        Optional<String> above = above(CHW, kw, a.chwKw());
        if (above.isPresent()) {
            return above;
        }
        double neededKwh = kw * a.cop() * windowS / 3600.0;
        if (neededKwh > a.chwColdKwh() + EPS_KW) {
            double lastsS = kw > 0 ? a.chwColdKwh() / (kw * a.cop()) * 3600 : 0;
            return reason(
                    "chilled-water store too small for the window: %.0f kW of chillers off"
                            + " for %d s needs %.0f kWh of cold, it holds %.0f kWh (%.0f s)",
                    kw, windowS, neededKwh, a.chwColdKwh(), lastsS);
        }
        return Optional.empty();
    }

    private Optional<String> checkMigrations(DispatchOrder order) {
        Set<String> seen = new HashSet<>();
        double inKw = 0;
        for (DispatchAction action : order.actions()) {
            String job = ActiveOrders.jobOf(action);
            if (job == null) {
                continue;
            }
            if (!seen.add(job)) {
                return reason("job '%s' is moved twice in one order", job);
            }
            if (action instanceof DispatchAction.MigrateOut out) {
                Optional<String> why = checkOut(out, order);
                if (why.isPresent()) {
                    return why;
                }
            } else if (action instanceof DispatchAction.MigrateIn in) {
                if (site.training.job(job).isPresent()
                        || (site.hosted.contains(job) && !isExecutedBy(order, job))
                        || orders.moves(job, order.id())) {
                    return reason(
                            "MIGRATE_IN of job '%s': a job with that id is already here", job);
                }
                inKw += in.jobKw();
            }
        }
        if (inKw > a.hostingKw() + EPS_KW) {
            return reason(
                    "MIGRATE_IN of %.0f kW is beyond the hosting capacity left (%.0f kW)",
                    inKw, Math.max(0, a.hostingKw()));
        }
        return Optional.empty();
    }

    private Optional<String> checkOut(DispatchAction.MigrateOut out, DispatchOrder order) {
        if (!SimulatedResources.has(MIG, options)) {
            return reason(
                    "unknown job '%s' for MIGRATE_OUT: this site has no migratable jobs",
                    out.job());
        }
        TrainingJob job = a.migratable(out.job());
        if (job == null && isExecutedBy(order, out.job())) {
            return Optional.empty(); // moved out under this order and finished away: done
        }
        if (job == null) {
            return reason("unknown job '%s' for MIGRATE_OUT", out.job());
        }
        if (out.toSite().equals(options.site())) {
            return reason("job '%s' cannot migrate to its own site", out.job());
        }
        boolean sameOrderMovedIt = isExecutedBy(order, out.job());
        if ((job.away && !sameOrderMovedIt) || orders.moves(out.job(), order.id())) {
            return reason("job '%s' is already migrated out", out.job());
        }
        return Optional.empty();
    }

    /** Whether the revision being replaced already moved {@code job} (out or in). */
    private boolean isExecutedBy(DispatchOrder order, String job) {
        ActiveOrders.Active previous = orders.get(order.id());
        if (previous == null) {
            return false;
        }
        for (int i = 0; i < previous.order.actions().size(); i++) {
            DispatchAction action = previous.order.actions().get(i);
            if (job.equals(ActiveOrders.jobOf(action)) && previous.executed.get(i)) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> above(String resource, double askedKw, double availableKw) {
        if (askedKw > availableKw + EPS_KW) {
            return reason(
                    "reduction of %.0f kW on '%s' is above what it can give now (%.0f kW)",
                    askedKw, resource, Math.max(0, availableKw));
        }
        return Optional.empty();
    }

    private static Optional<String> reason(String format, Object... args) {
        return Optional.of(String.format(Locale.ROOT, format, args));
    }
}
