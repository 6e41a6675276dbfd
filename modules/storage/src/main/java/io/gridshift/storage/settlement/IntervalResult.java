package io.gridshift.storage.settlement;

import java.time.Instant;

/**
 * One settlement interval of a site.
 *
 * @param start the interval's start
 * @param baselineKw the baseline
 * @param actualKw the metered mean load
 * @param deliveredKwh (baseline − actual) × interval hours; negative when the site drew more
 */
public record IntervalResult(
        Instant start, double baselineKw, double actualKw, double deliveredKwh) {}
