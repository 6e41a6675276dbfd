package io.gridshift.optimizer.accounting;

import io.gridshift.domain.site.SiteId;
import java.util.List;

/** A site's hourly green-power account and its period totals. */
public record GreenReport(
        SiteId site, String contractId, List<HourAccount> hours, PeriodAccount period) {
    public GreenReport {
        hours = List.copyOf(hours);
    }
}
