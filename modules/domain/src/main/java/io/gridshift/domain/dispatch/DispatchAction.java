package io.gridshift.domain.dispatch;

import io.gridshift.domain.Check;
import io.gridshift.domain.Ids;
import io.gridshift.domain.site.SiteId;

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
        MIGRATE_IN
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
}
