package io.gridshift.vtn.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A report the VTN asked a VEN for ({@code oadrReportRequest}), and where it stands.
 *
 * @param reportName the name of the report asked for, e.g. {@code TELEMETRY_USAGE}
 */
public record ReportRequest(
        String venId,
        String reportRequestId,
        String reportSpecifierId,
        String reportName,
        List<String> rIds,
        Duration granularity,
        Status status,
        Instant requestedAt) {
    /** Requested, confirmed by the VEN's {@code oadrCreatedReport}, or cancelled. */
    public enum Status {
        REQUESTED,
        CREATED,
        CANCEL_REQUESTED,
        CANCELLED
    }

    public ReportRequest {
        rIds = List.copyOf(rIds);
    }

    ReportRequest with(Status next) {
        return new ReportRequest(
                venId,
                reportRequestId,
                reportSpecifierId,
                reportName,
                rIds,
                granularity,
                next,
                requestedAt);
    }
}
