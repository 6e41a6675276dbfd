package io.gridshift.domain.schedule;

import io.gridshift.domain.Check;
import io.gridshift.domain.Ids;

/**
 * One job of a plan that the site will not carry out as planned.
 *
 * @param job the job's id
 * @param reason why, e.g. {@code deadline}: the planned start would finish after the deadline
 */
public record JobRejection(String job, String reason) {
    public JobRejection {
        Ids.check("job", job);
        Check.required("reason", reason);
        Check.text("reason", reason);
        if (reason.isBlank()) {
            throw new io.gridshift.domain.error.InvalidFieldException(
                    "reason", "required", reason, "must not be blank");
        }
    }
}
