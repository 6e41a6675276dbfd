package io.gridshift.storage.meter;

/**
 * The meter writer's counters since it started.
 *
 * @param accepted readings taken into the queue
 * @param refused readings refused because the queue stayed full for the offer timeout, or the
 *     writer was closed
 * @param late readings dropped because their minute was already closed
 * @param rowsWritten 1-minute rows committed
 * @param batches JDBC batches committed
 * @param writeFailures batches that failed and were kept to be tried again
 * @param queued readings waiting in the queue now
 * @param openMinutes site-minutes being aggregated now
 * @param quartersRolledUp quarter hours rolled up into {@code meter_quarter_hours} once closed
 */
public record MeterStats(
        long accepted,
        long refused,
        long late,
        long rowsWritten,
        long batches,
        long writeFailures,
        int queued,
        int openMinutes,
        long quartersRolledUp) {}
