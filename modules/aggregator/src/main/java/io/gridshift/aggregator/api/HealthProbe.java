package io.gridshift.aggregator.api;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * One condition of readiness ({@code GET /health/ready}): the node is ready only while every probe
 * is up. A probe must answer quickly and never block (it runs on the event loop).
 *
 * @param name the check's name in the health report
 * @param up whether it holds now
 */
public record HealthProbe(String name, BooleanSupplier up) {
    public HealthProbe {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(up, "up");
    }
}
