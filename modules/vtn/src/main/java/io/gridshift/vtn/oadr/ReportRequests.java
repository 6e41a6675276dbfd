package io.gridshift.vtn.oadr;

import io.gridshift.vtn.report.RegisteredReport;
import io.gridshift.vtn.report.ReportDescription;
import io.gridshift.vtn.report.ReportRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which reports the VTN asks a VEN for: every TELEMETRY_USAGE, TELEMETRY_STATUS and HISTORY_USAGE
 * report it registered (as {@code METADATA_TELEMETRY_*}), in whatever order it listed them, all
 * their data points, at the configured granularity brought within the sampling range the VEN
 * declared.
 */
public final class ReportRequests {
    private static final String METADATA = "METADATA_";

    /**
     * HISTORY_USAGE: a standing request, answered with a report of each settled event (the
     * aggregator's VEN reports baseline, actual and delivered energy per interval that way).
     */
    private static final List<String> WANTED =
            List.of("TELEMETRY_USAGE", "TELEMETRY_STATUS", "HISTORY_USAGE");

    private final Duration granularity;
    private final AtomicLong ids = new AtomicLong();

    public ReportRequests(Duration granularity) {
        this.granularity = Objects.requireNonNull(granularity, "granularity");
    }

    public List<ReportRequest> telemetry(
            String venId, List<RegisteredReport> offered, Instant now) {
        List<ReportRequest> made = new ArrayList<>();
        for (RegisteredReport report : offered) {
            String name = report.reportName() == null ? "" : report.reportName();
            String upper = name.toUpperCase(Locale.ROOT);
            String wanted = upper.startsWith(METADATA) ? upper.substring(METADATA.length()) : "";
            if (!WANTED.contains(wanted) || report.descriptions().isEmpty()) {
                continue;
            }
            made.add(
                    new ReportRequest(
                            venId,
                            "rr-" + ids.incrementAndGet() + "-" + now.toEpochMilli(),
                            report.reportSpecifierId(),
                            wanted,
                            report.descriptions().stream().map(ReportDescription::rId).toList(),
                            granularityFor(report),
                            ReportRequest.Status.REQUESTED,
                            now));
        }
        return made;
    }

    private Duration granularityFor(RegisteredReport report) {
        Duration g = granularity;
        for (ReportDescription d : report.descriptions()) {
            Duration min = parse(d.minPeriod());
            Duration max = parse(d.maxPeriod());
            if (min != null && g.compareTo(min) < 0) {
                g = min;
            }
            if (max != null && g.compareTo(max) > 0) {
                g = max;
            }
        }
        return g;
    }

    private static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
