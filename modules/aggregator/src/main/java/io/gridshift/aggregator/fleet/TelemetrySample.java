package io.gridshift.aggregator.fleet;

import java.time.Instant;

/**
 * One reading of a site's recent window, as the API serves it (stored as single precision, which
 * keeps a kW to about 7 significant digits).
 */
public record TelemetrySample(
        long seq,
        Instant ts,
        double facilityKw,
        double itKw,
        double gridImportKw,
        double onsiteGenKw) {}
