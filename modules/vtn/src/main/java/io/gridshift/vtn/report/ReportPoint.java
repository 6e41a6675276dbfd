package io.gridshift.vtn.report;

import java.time.Duration;
import java.time.Instant;

/**
 * One value of an {@code oadrUpdateReport}: an interval of one data point.
 *
 * @param value the number sent ({@code payloadFloat}), or the current value of a load-control
 *     state; null for a status without one
 * @param status for {@code oadrPayloadResourceStatus}: e.g. {@code online=true override=false};
 *     null for a number
 */
public record ReportPoint(
        String venId,
        String reportRequestId,
        String reportSpecifierId,
        String rId,
        Instant start,
        Duration duration,
        Double value,
        String status,
        Instant receivedAt) {}
