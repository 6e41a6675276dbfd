package io.gridshift.aggregator.schedule;

import io.gridshift.aggregator.metrics.AggregatorMetrics;
import io.gridshift.domain.schedule.PlanAck;
import io.gridshift.domain.schedule.SiteJobs;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Where the edge ingest files the schedule's uplink messages, on every node whether or not it
 * plans: jobs reports (the newest per site wins) and plan acks (kept when they answer the site's
 * current version; counted either way, {@code gridshift_schedule_plan_acks_total{status}}, {@code
 * stale} for an ack of an older version). The Hazelcast calls run on {@code executor}, off the
 * event loops.
 */
public final class ScheduleInbox {
    private final ScheduleBoard board;
    private final AggregatorMetrics metrics;
    private final Executor executor;

    public ScheduleInbox(ScheduleBoard board, AggregatorMetrics metrics, Executor executor) {
        this.board = board;
        this.metrics = metrics;
        this.executor = executor;
    }

    public CompletionStage<Void> jobs(SiteJobs report) {
        return CompletableFuture.runAsync(() -> board.putJobs(report), executor);
    }

    public CompletionStage<Void> ack(PlanAck ack) {
        return CompletableFuture.runAsync(
                () ->
                        metrics.planAck(
                                board.putAck(ack) ? ack.status().name().toLowerCase() : "stale"),
                executor);
    }
}
