package io.gridshift.storage.settlement;

import io.gridshift.domain.site.SiteId;
import java.util.List;

/**
 * One site's settlement of one event. Money in the program's currency, rounded to cents.
 *
 * @param site the site
 * @param status {@code SETTLED}, or {@code INSUFFICIENT_DATA} with zeros when the meter data did
 *     not allow a baseline or an actual
 * @param note why, for {@code INSUFFICIENT_DATA}
 */
public record SiteSettlement(
        SiteId site,
        String status,
        String note,
        double committedKw,
        double baselineKwh,
        double actualKwh,
        double deliveredKwh,
        double deliveredKw,
        double performance,
        double creditedKw,
        double capacityPayment,
        double energyPayment,
        double penalty,
        double netPayment,
        List<IntervalResult> intervals) {
    public static final String SETTLED = "SETTLED";
    public static final String INSUFFICIENT_DATA = "INSUFFICIENT_DATA";

    public SiteSettlement {
        intervals = List.copyOf(intervals);
    }
}
