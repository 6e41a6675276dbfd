package io.gridshift.optimizer.accounting;

import java.time.Instant;

/**
 * One hour of a site's green-power account. Location-based and market-based emissions are two
 * different answers to one question and are never added together.
 *
 * @param hour the hour's start (UTC)
 * @param consumptionKwh metered consumption
 * @param greenSupplyKwh contracted green supply in the hour
 * @param matchedKwh {@code min(consumption, green supply)}: carbon-free energy matched in the hour
 * @param gridKwh {@code consumption - matched}: the rest, from the grid
 * @param cfeShare {@code matched / consumption} (1 when nothing was consumed)
 * @param gridGPerKwh the grid's intensity in the hour
 * @param locationBasedKg {@code consumption × grid intensity}
 * @param marketBasedKg {@code matched × contract intensity + grid × residual-mix intensity}
 */
public record HourAccount(
        Instant hour,
        double consumptionKwh,
        double greenSupplyKwh,
        double matchedKwh,
        double gridKwh,
        double cfeShare,
        double gridGPerKwh,
        double locationBasedKg,
        double marketBasedKg) {}
