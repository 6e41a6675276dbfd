package io.gridshift.aggregator.green;

import io.gridshift.optimizer.accounting.HourAccount;
import java.time.Instant;

/**
 * One hour of a site's live green-power account.
 *
 * @param hour the hour's start (UTC)
 * @param meterMinutes minutes of the hour the ledger holds meter data for (0: none, 60: all)
 * @param gridGPerKwh the grid's intensity of the hour; NaN when the signals do not cover it
 * @param greenSupplyKwh the contract's green supply in the hour
 * @param account the hour's account ({@code GreenAccounting.hour}) on the metered kWh; {@code null}
 *     without meter data. Its emissions are NaN without carbon data.
 */
public record GreenHour(
        Instant hour,
        int meterMinutes,
        double gridGPerKwh,
        double greenSupplyKwh,
        HourAccount account) {
    /** Whether the hour has meter data. */
    public boolean metered() {
        return meterMinutes > 0;
    }

    /** Whether the hour has carbon data. */
    public boolean carbonKnown() {
        return !Double.isNaN(gridGPerKwh);
    }

    /** Whether it counts in the period's account: meter and carbon data both there. */
    public boolean accounted() {
        return metered() && carbonKnown();
    }
}
