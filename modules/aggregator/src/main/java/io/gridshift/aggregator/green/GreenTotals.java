package io.gridshift.aggregator.green;

import io.gridshift.optimizer.accounting.PeriodAccount;

/**
 * The sums of hours: a site's period, the fleet's hour (over its sites) or the fleet's period. Only
 * hours with both meter and carbon data are accounted; the others are counted, never taken as
 * zeros. For the fleet the counts are of site-hours.
 *
 * @param hours hours (site-hours) in all
 * @param accounted those in {@code account}
 * @param withoutMeterData those without meter data
 * @param withoutCarbonData those without the grid's carbon intensity
 * @param meteredKwh consumption of every hour with meter data, accounted or not (what the meter
 *     data sum to)
 * @param account the optimizer's period account over the accounted hours ({@code
 *     GreenAccounting.period}); its shares are meaningless when {@code accounted} is 0
 */
public record GreenTotals(
        int hours,
        int accounted,
        int withoutMeterData,
        int withoutCarbonData,
        double meteredKwh,
        PeriodAccount account) {}
