package io.gridshift.domain.dispatch;

import io.gridshift.domain.Check;
import io.gridshift.domain.Ids;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.SiteId;
import java.time.Duration;
import java.util.List;

/** One thing a site is asked to do for the length of an order. */
public sealed interface DispatchAction {

    /** The action's kind on the wire. */
    Kind kind();

    /** Net grid-import reduction this action asks of the site; negative for added load. */
    double reductionKw();

    /** The action kinds of the edge protocol. */
    enum Kind {
        REDUCE,
        MIGRATE_OUT,
        MIGRATE_IN,
        LIMIT_REBOUND
    }

    /**
     * Shed {@code reductionKw} with one resource: defer or pause jobs, cap power, discharge the
     * battery, coast on thermal storage or run the genset, according to the resource's kind.
     */
    record Reduce(String resource, double reductionKw) implements DispatchAction {
        public Reduce {
            Ids.check("resource", resource);
            Check.powerKw("reductionKw", reductionKw);
        }

        @Override
        public Kind kind() {
            return Kind.REDUCE;
        }
    }

    /**
     * Checkpoint a job and hand it to another site. The reduction is the job's power here; the
     * receiving site gets a {@link MigrateIn} for the same job.
     */
    record MigrateOut(String job, SiteId toSite, double jobKw) implements DispatchAction {
        public MigrateOut {
            Ids.check("job", job);
            Check.required("toSite", toSite);
            Check.powerKw("jobKw", jobKw);
        }

        @Override
        public Kind kind() {
            return Kind.MIGRATE_OUT;
        }

        @Override
        public double reductionKw() {
            return jobKw;
        }
    }

    /** Take on a job from another site: load is added here, so the reduction is negative. */
    record MigrateIn(String job, SiteId fromSite, double jobKw) implements DispatchAction {
        public MigrateIn {
            Ids.check("job", job);
            Check.required("fromSite", fromSite);
            Check.powerKw("jobKw", jobKw);
        }

        @Override
        public Kind kind() {
            return Kind.MIGRATE_IN;
        }

        @Override
        public double reductionKw() {
            return -jobKw;
        }
    }

    /**
     * Hold back the return of what {@code resource} shed: in step {@code i} of the order (from
     * {@code start + i x step}) the resource may draw at most {@code maxAddedKw[i]} above its
     * normal level, whether deferred jobs catching up, a battery recharging or a thermal store
     * cooling down again. After the last step its last value holds; at the order's end the limit
     * lifts. It asks no reduction, and a job at its deadline still runs (the deadline wins over the
     * limit, as over a hold).
     */
    record LimitRebound(String resource, Duration step, List<Double> maxAddedKw)
            implements DispatchAction {
        /** Longest step: one hour. */
        public static final Duration MAX_STEP = Duration.ofHours(1);

        /** Most steps in one action: a day of one-minute steps. */
        public static final int MAX_STEPS = 1440;

        public LimitRebound {
            Ids.check("resource", resource);
            Check.duration("stepS", step, MAX_STEP);
            if (step.getSeconds() < 1 || step.getNano() != 0) {
                throw new InvalidFieldException(
                        "stepS", "range", step, "must be a whole number of seconds, at least 1");
            }
            Check.size("maxAddedKw", maxAddedKw, 1, MAX_STEPS);
            for (int i = 0; i < maxAddedKw.size(); i++) {
                Check.powerKw(
                        "maxAddedKw[" + i + "]",
                        Check.required("maxAddedKw[" + i + "]", maxAddedKw.get(i)));
            }
            maxAddedKw = List.copyOf(maxAddedKw);
        }

        @Override
        public Kind kind() {
            return Kind.LIMIT_REBOUND;
        }

        /** It holds load back after an event; it asks no reduction. */
        @Override
        public double reductionKw() {
            return 0;
        }

        /**
         * The most {@code resource} may draw above its normal level {@code elapsed} into the order.
         */
        public double maxAddedKwAt(Duration elapsed) {
            long i = Math.max(0, elapsed.getSeconds()) / step.getSeconds();
            return maxAddedKw.get((int) Math.min(i, maxAddedKw.size() - 1));
        }

        /** How long the steps last together. */
        public Duration span() {
            return step.multipliedBy(maxAddedKw.size());
        }
    }
}
