package io.gridshift.domain.schedule;

import io.gridshift.domain.Check;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.SiteId;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A site's queue of flexible jobs, reported on change and periodically: the scheduler's input.
 *
 * @param site the reporting site
 * @param seq rises with each report of the site, so that an older copy never replaces a newer one
 * @param ts when the queue was read
 * @param jobs the jobs not yet finished, ids unique
 */
public record SiteJobs(SiteId site, long seq, Instant ts, List<FlexibleJob> jobs) {
    /** Most jobs one report carries. */
    public static final int MAX_JOBS = 5_000;

    public SiteJobs {
        Check.required("site", site);
        Check.range("seq", seq, 0, Long.MAX_VALUE);
        Check.required("ts", ts);
        jobs = List.copyOf(Check.size("jobs", jobs, 0, MAX_JOBS));
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < jobs.size(); i++) {
            if (!ids.add(jobs.get(i).id())) {
                throw new InvalidFieldException(
                        "jobs[" + i + "].id", "unique", jobs.get(i).id(), "must be unique");
            }
        }
    }

    /** Whether this report is newer than {@code other} of the same site. */
    public boolean newerThan(SiteJobs other) {
        return other == null || seq > other.seq;
    }
}
