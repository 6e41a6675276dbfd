package io.gridshift.storage.accuracy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The accuracy of each method for each metered site, by method then site id.
 *
 * @param request what was asked
 * @param days the local days tested: weekdays in the range that were not event days
 * @param computedAt when it was computed
 * @param sites one entry per method and site
 */
public record AccuracyReport(
        AccuracyRequest request,
        List<LocalDate> days,
        Instant computedAt,
        List<SiteAccuracy> sites) {
    public AccuracyReport {
        days = List.copyOf(days);
        sites = List.copyOf(sites);
    }
}
