package io.gridshift.vtn.report;

import java.time.Instant;
import java.util.List;

/** A report a VEN offers (from its {@code oadrRegisterReport}, a METADATA report). */
public record RegisteredReport(
        String venId,
        String reportSpecifierId,
        String reportName,
        List<ReportDescription> descriptions,
        Instant registeredAt) {
    public RegisteredReport {
        descriptions = List.copyOf(descriptions);
    }
}
