package io.gridshift.optimizer.accounting;

import java.time.Instant;

/**
 * A site's green-power account over a period: the sums of its hours.
 *
 * @param from first hour
 * @param to end of the last hour
 * @param consumptionKwh consumption
 * @param greenSupplyKwh contracted green supply
 * @param matchedKwh energy matched hour by hour
 * @param gridKwh consumption not matched
 * @param cfeShare hourly-matched carbon-free share: {@code matched / consumption} (24/7 CFE score)
 * @param annualMatchShare volumetric match: {@code min(1, green supply / consumption)} (what an
 *     annual "100 % renewable" claim counts, shown for contrast, always at least {@code cfeShare})
 * @param locationBasedKg location-based emissions
 * @param marketBasedKg market-based emissions (never added to location-based)
 */
public record PeriodAccount(
        Instant from,
        Instant to,
        double consumptionKwh,
        double greenSupplyKwh,
        double matchedKwh,
        double gridKwh,
        double cfeShare,
        double annualMatchShare,
        double locationBasedKg,
        double marketBasedKg) {}
