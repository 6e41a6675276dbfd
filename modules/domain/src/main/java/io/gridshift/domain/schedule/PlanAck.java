package io.gridshift.domain.schedule;

import io.gridshift.domain.Check;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.SiteId;
import java.time.Instant;
import java.util.List;

/**
 * A site's answer to one version of a plan.
 *
 * @param planId the plan
 * @param version the version answered
 * @param site the answering site
 * @param status accepted whole, in part, or not at all
 * @param reason why, required when REJECTED
 * @param rejected the jobs not carried out as planned, each with its reason; required (at least
 *     one) when PARTIAL
 * @param ts when the site said so
 */
public record PlanAck(
        PlanId planId,
        int version,
        SiteId site,
        PlanAckStatus status,
        String reason,
        List<JobRejection> rejected,
        Instant ts) {
    public PlanAck {
        Check.required("planId", planId);
        Check.range("version", version, 1, Integer.MAX_VALUE);
        Check.required("site", site);
        Check.required("status", status);
        Check.text("reason", reason);
        if (status == PlanAckStatus.REJECTED && (reason == null || reason.isBlank())) {
            throw new InvalidFieldException(
                    "reason", "required", reason, "is required when status is REJECTED");
        }
        rejected = List.copyOf(Check.size("rejected", rejected, 0, SiteJobs.MAX_JOBS));
        if (status == PlanAckStatus.PARTIAL && rejected.isEmpty()) {
            throw new InvalidFieldException(
                    "rejected", "size", 0, "must name at least one job when status is PARTIAL");
        }
        Check.required("ts", ts);
    }
}
