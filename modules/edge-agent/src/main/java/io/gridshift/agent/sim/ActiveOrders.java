package io.gridshift.agent.sim;

import io.gridshift.domain.dispatch.DispatchAction;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.dispatch.DispatchOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The orders a site is carrying out, one revision per dispatch id, and what they add up to per
 * resource. Every sum can leave one order out: the one a new revision is about to replace.
 */
final class ActiveOrders {
    private final Map<DispatchId, Active> byId = new LinkedHashMap<>();

    /**
     * An applied order: from when it acts, the level per resource it ramps from (what the revision
     * it replaced had reached), and which of its migrations have happened.
     */
    static final class Active {
        final DispatchOrder order;
        final long fromS;
        final Map<String, Double> fromKw;
        final BitSet executed = new BitSet();

        /**
         * From when its moves count their checkpoint time: the first revision's start, so that a
         * revision that repeats a move does not start it over.
         */
        final long moveFromS;

        Active(DispatchOrder order, long fromS) {
            this(order, fromS, Map.of(), fromS);
        }

        Active(DispatchOrder order, long fromS, Map<String, Double> fromKw, long moveFromS) {
            this.order = order;
            this.fromS = fromS;
            this.fromKw = Map.copyOf(fromKw);
            this.moveFromS = moveFromS;
        }

        /**
         * The reduction this order asks of {@code resource} at {@code tS}: from the level the
         * replaced revision had reached to this one's over {@code ramp}. A revision moves a site
         * from where it is, it does not release everything and ramp in again.
         */
        double levelKw(String resource, long tS, Duration ramp) {
            double from = fromKw.getOrDefault(resource, 0.0);
            if (tS < fromS) {
                return 0;
            }
            return from + (reduceKw(order, resource) - from) * rampShare(fromS, tS, ramp);
        }

        long endS() {
            return order.end().getEpochSecond();
        }
    }

    Active get(DispatchId id) {
        return byId.get(id);
    }

    void put(Active active) {
        byId.put(active.order.id(), active);
    }

    void remove(DispatchId id) {
        byId.remove(id);
    }

    List<Active> all() {
        return new ArrayList<>(byId.values());
    }

    boolean isEmpty() {
        return byId.isEmpty();
    }

    /**
     * Reduction asked of {@code resource} at {@code tS} by every order but {@code except}, each
     * ramped from its start over {@code ramp} (pass {@code Duration.ZERO} for the full figure).
     */
    double askedKw(String resource, long tS, Duration ramp, DispatchId except) {
        double kw = 0;
        for (Active a : byId.values()) {
            if (!a.order.id().equals(except)) {
                kw += a.levelKw(resource, tS, ramp);
            }
        }
        return kw;
    }

    /**
     * Reduction every order but {@code except} asks of {@code resource}, started or not: the
     * headroom they hold (an order accepted for later must still fit when it starts).
     */
    double committedKw(String resource, DispatchId except) {
        double kw = 0;
        for (Active a : byId.values()) {
            if (!a.order.id().equals(except)) {
                kw += reduceKw(a.order, resource);
            }
        }
        return kw;
    }

    /** Reduction {@code only} asks of {@code resource} at {@code tS}, ramped; 0 when not active. */
    double askedByKw(DispatchId only, String resource, long tS, Duration ramp) {
        Active a = only == null ? null : byId.get(only);
        return a == null ? 0 : a.levelKw(resource, tS, ramp);
    }

    /**
     * Energy the orders but {@code except} will still take from {@code resource} between {@code
     * nowS} and their ends, in kWh (kW asked × hours left).
     */
    double reservedKwh(String resource, long nowS, DispatchId except) {
        double kwh = 0;
        for (Active a : byId.values()) {
            if (!a.order.id().equals(except)) {
                long leftS = Math.max(0, a.endS() - Math.max(nowS, a.fromS));
                kwh += reduceKw(a.order, resource) * leftS / 3600.0;
            }
        }
        return kwh;
    }

    /** IT kW reserved for jobs migrating in, by every order but {@code except}. */
    double migratingInKw(DispatchId except) {
        double kw = 0;
        for (Active a : byId.values()) {
            if (!a.order.id().equals(except)) {
                for (DispatchAction action : a.order.actions()) {
                    if (action instanceof DispatchAction.MigrateIn in) {
                        kw += in.jobKw();
                    }
                }
            }
        }
        return kw;
    }

    /** Whether an order other than {@code except} moves {@code job} (out or in). */
    boolean moves(String job, DispatchId except) {
        for (Active a : byId.values()) {
            if (!a.order.id().equals(except)) {
                for (DispatchAction action : a.order.actions()) {
                    if (job.equals(jobOf(action))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The job a migration moves; {@code null} for a reduction. */
    static String jobOf(DispatchAction action) {
        if (action instanceof DispatchAction.MigrateOut out) {
            return out.job();
        }
        if (action instanceof DispatchAction.MigrateIn in) {
            return in.job();
        }
        return null;
    }

    /**
     * The most {@code resource} may draw above its normal level at {@code tS}: the tightest
     * LIMIT_REBOUND of the orders in force (from each order's start); infinite without one.
     */
    double reboundLimitKw(String resource, long tS) {
        double kw = Double.POSITIVE_INFINITY;
        for (Active a : byId.values()) {
            long startS = a.order.start().getEpochSecond();
            if (tS < startS || tS >= a.endS()) {
                continue;
            }
            for (DispatchAction action : a.order.actions()) {
                if (action instanceof DispatchAction.LimitRebound l
                        && l.resource().equals(resource)) {
                    kw = Math.min(kw, l.maxAddedKwAt(Duration.ofSeconds(tS - startS)));
                }
            }
        }
        return kw;
    }

    /** Total reduction {@code order} asks of {@code resource}. */
    static double reduceKw(DispatchOrder order, String resource) {
        double kw = 0;
        for (DispatchAction action : order.actions()) {
            if (action instanceof DispatchAction.Reduce r && r.resource().equals(resource)) {
                kw += r.reductionKw();
            }
        }
        return kw;
    }

    /** Linear ramp from {@code fromS}: 0 before, 1 once {@code ramp} has passed. */
    static double rampShare(long fromS, long tS, Duration ramp) {
        if (tS < fromS) {
            return 0;
        }
        long rampS = ramp.getSeconds();
        return rampS <= 0 ? 1 : Math.min(1, (double) (tS - fromS) / rampS);
    }
}
