package io.gridshift.domain.dispatch;

import io.gridshift.domain.Check;
import io.gridshift.domain.error.InvalidFieldException;
import io.gridshift.domain.site.SiteId;
import java.time.Instant;

/**
 * A site's answer to one revision of an order.
 *
 * @param dispatchId the order
 * @param revision the revision answered
 * @param site the answering site
 * @param status what the site is doing with it
 * @param reason why, required for REJECTED and FAILED
 * @param achievedKw the reduction achieved now, when known; {@code null} otherwise
 * @param ts when the site said so
 */
public record Ack(
        DispatchId dispatchId,
        int revision,
        SiteId site,
        AckStatus status,
        String reason,
        Double achievedKw,
        Instant ts) {
    public Ack {
        Check.required("dispatchId", dispatchId);
        Check.range("revision", revision, 1, Integer.MAX_VALUE);
        Check.required("site", site);
        Check.required("status", status);
        Check.text("reason", reason);
        if ((status == AckStatus.REJECTED || status == AckStatus.FAILED)
                && (reason == null || reason.isBlank())) {
            throw new InvalidFieldException(
                    "reason", "required", reason, "is required when status is " + status);
        }
        if (achievedKw != null) {
            Check.signedPowerKw("achievedKw", achievedKw);
        }
        Check.required("ts", ts);
    }
}
