package io.gridshift.domain.flex;

import io.gridshift.domain.Check;
import io.gridshift.domain.Ids;
import io.gridshift.domain.error.InvalidFieldException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Jobs that can move to a site in another zone. Moving them sheds their power here and adds it at
 * the receiving site; the saving is counted once, net of that.
 *
 * @param id resource id
 * @param jobs the jobs that could move now
 * @param ramp time to checkpoint and stop a job here
 */
public record MigratableJobs(String id, List<MigratableJob> jobs, Duration ramp)
        implements FlexResource {
    public MigratableJobs {
        Ids.check("id", id);
        jobs = List.copyOf(Check.size("jobs", jobs, 0, Check.MAX_LIST_SIZE));
        Check.duration("ramp", ramp, Limits.MAX_RAMP);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < jobs.size(); i++) {
            if (!seen.add(jobs.get(i).id())) {
                throw new InvalidFieldException(
                        "jobs[" + i + "].id", "unique", jobs.get(i).id(), "must be unique");
            }
        }
    }

    @Override
    public ResourceKind kind() {
        return ResourceKind.MIGRATABLE_JOBS;
    }

    @Override
    public double maxReductionKw() {
        double kw = 0;
        for (MigratableJob job : jobs) {
            kw += job.kw();
        }
        return kw;
    }

    /** A moved job stays moved until it ends: no duration bound. */
    @Override
    public Duration maxDuration() {
        return null;
    }

    public Optional<MigratableJob> job(String jobId) {
        return jobs.stream().filter(j -> j.id().equals(jobId)).findFirst();
    }
}
