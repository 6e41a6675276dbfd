package io.gridshift.aggregator.metrics;

import io.gridshift.aggregator.dispatch.DispatchState;
import io.gridshift.aggregator.fleet.Transport;
import io.gridshift.edge.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The aggregator's own meters, in Prometheus form at {@code /metrics}. Counters on the hot path are
 * looked up once and kept, so counting a message is one add.
 *
 * <ul>
 *   <li>{@code gridshift_ingest_messages_total{transport,channel}}: messages accepted
 *   <li>{@code gridshift_rejected_messages_total{transport,reason}}: messages refused, by the
 *       protocol's rule
 *   <li>{@code gridshift_duplicate_readings_total}: readings dropped as copies (by {@code seq})
 *   <li>{@code gridshift_dispatch_ack_latency_seconds}: first send to first ack, histogram
 *   <li>{@code gridshift_dispatch_transitions_total{state}}: orders entering each state
 *   <li>{@code gridshift_schedule_plans_sent_total}, {@code
 *       gridshift_schedule_plan_acks_total{status}}, {@code
 *       gridshift_schedule_replans_total{reason}}, {@code gridshift_schedule_solver_seconds},
 *       {@code gridshift_schedule_signals_total{source}}, {@code
 *       gridshift_schedule_signal_errors_total{reason}}: the day-ahead schedule service
 *   <li>{@code gridshift_sites_online}, {@code gridshift_fleet_load_kw}, {@code
 *       gridshift_fleet_flex_kw}: of the sites this node's member owns (sum over nodes)
 * </ul>
 */
public final class AggregatorMetrics {
    private final PrometheusMeterRegistry registry;
    private final Map<Transport, Map<Channel, Counter>> ingested = new EnumMap<>(Transport.class);
    private final Map<String, Counter> rejected = new ConcurrentHashMap<>();
    private final Map<DispatchState, Counter> transitions = new EnumMap<>(DispatchState.class);
    private final Counter duplicates;
    private final Timer ackLatency;

    public AggregatorMetrics() {
        this(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    public AggregatorMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
        for (Transport t : Transport.values()) {
            Map<Channel, Counter> byChannel = new EnumMap<>(Channel.class);
            for (Channel c : Channel.values()) {
                byChannel.put(
                        c,
                        Counter.builder("gridshift.ingest.messages")
                                .description("Edge messages accepted")
                                .tag("transport", t.name().toLowerCase())
                                .tag("channel", c.segment())
                                .register(registry));
            }
            ingested.put(t, byChannel);
        }
        for (DispatchState s : DispatchState.values()) {
            transitions.put(
                    s,
                    Counter.builder("gridshift.dispatch.transitions")
                            .description("Orders entering each state")
                            .tag("state", s.name().toLowerCase())
                            .register(registry));
        }
        duplicates =
                Counter.builder("gridshift.duplicate.readings")
                        .description("Readings dropped as copies of one already filed (by seq)")
                        .register(registry);
        ackLatency =
                Timer.builder("gridshift.dispatch.ack.latency")
                        .description("From an order's first send to the site's first ack")
                        .publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofMillis(1))
                        .maximumExpectedValue(Duration.ofSeconds(60))
                        .register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    public void ingested(Transport transport, Channel channel) {
        ingested.get(transport).get(channel).increment();
    }

    /** Counts a refused message under the protocol's rule ({@code reason}). */
    public void rejected(Transport transport, String reason) {
        String key = transport.name() + '/' + reason;
        rejected.computeIfAbsent(
                        key,
                        k ->
                                Counter.builder("gridshift.rejected.messages")
                                        .description("Edge messages refused, by reason")
                                        .tag("transport", transport.name().toLowerCase())
                                        .tag("reason", reason)
                                        .register(registry))
                .increment();
    }

    /**
     * Counts a REST API request refused before it reached its handler: {@code unauthenticated},
     * {@code forbidden} or {@code throttled} ({@code gridshift_api_refused_total{reason}}).
     */
    public void apiRefused(String reason) {
        rejected.computeIfAbsent(
                        "API/" + reason,
                        k ->
                                Counter.builder("gridshift.api.refused")
                                        .description("REST API requests refused, by reason")
                                        .tag("reason", reason)
                                        .register(registry))
                .increment();
    }

    /** REST API requests refused so far with {@code reason}. */
    public double apiRefusedCount(String reason) {
        Counter c = rejected.get("API/" + reason);
        return c == null ? 0 : c.count();
    }

    /** Refused messages so far with {@code reason}, over every transport. */
    public double rejectedCount(String reason) {
        double n = 0;
        for (Transport t : Transport.values()) {
            Counter c = rejected.get(t.name() + '/' + reason);
            n += c == null ? 0 : c.count();
        }
        return n;
    }

    public double ingestedCount(Transport transport, Channel channel) {
        return ingested.get(transport).get(channel).count();
    }

    public void duplicates(int n) {
        duplicates.increment(n);
    }

    public void transition(DispatchState state) {
        transitions.get(state).increment();
    }

    public void ackLatency(Duration latency) {
        ackLatency.record(latency);
    }

    public Timer ackLatencyTimer() {
        return ackLatency;
    }

    /** Registers a gauge read from {@code value} at each scrape. */
    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    private Counter counter(String name, String description, String tag, String value) {
        return rejected.computeIfAbsent(
                name + '/' + value,
                k ->
                        Counter.builder(name)
                                .description(description)
                                .tag(tag, value)
                                .register(registry));
    }

    /** A site's plan version handed to its transport. */
    public void planSent() {
        registry.counter("gridshift.schedule.plans.sent").increment();
    }

    /** A site's answer to a plan version, by status. */
    public void planAck(String status) {
        counter("gridshift.schedule.plan.acks", "Plan acks from sites, by status", "status", status)
                .increment();
    }

    /** A planning run, by what started it ({@code timer}, {@code signals}, {@code jobs}). */
    public void replan(String reason) {
        counter(
                        "gridshift.schedule.replans",
                        "Day-ahead planning runs, by trigger",
                        "reason",
                        reason)
                .increment();
    }

    /** How long the scheduler took. */
    public void solverTime(Duration d) {
        Timer.builder("gridshift.schedule.solver")
                .description("Day-ahead scheduler run time")
                .register(registry)
                .record(d);
    }

    /** Zones of signals taken in, by source ({@code file}, {@code http}, {@code openadr}). */
    public void signalsLoaded(String source, int zones) {
        counter("gridshift.schedule.signals", "Zone signals taken in, by source", "source", source)
                .increment(zones);
    }

    /** Signals refused, by reason. */
    public void signalError(String reason) {
        counter(
                        "gridshift.schedule.signal.errors",
                        "Signal files, feed answers or events refused, by reason",
                        "reason",
                        reason)
                .increment();
    }

    /** An ended event settled by the node itself (not through the REST API). */
    public void settledAutomatically() {
        count(
                "gridshift.settlement.automatic",
                "Ended events this node settled by itself, after the settlement delay");
    }

    /** A settlement report the VTN accepted. */
    public void settlementReported() {
        count("gridshift.settlement.reports.sent", "Settlement reports the VTN accepted");
    }

    /** A settlement report that did not reach the VTN (to be retried). */
    public void settlementReportFailed() {
        count(
                "gridshift.settlement.reports.failed",
                "Settlement reports that did not reach the VTN, each retried later");
    }

    private void count(String name, String description) {
        Counter.builder(name).description(description).register(registry).increment();
    }
}
