package io.gridshift.agent;

import io.gridshift.agent.buffer.BufferOptions;
import io.gridshift.agent.dispatch.DispatchOptions;
import io.gridshift.agent.schedule.JobOptions;
import io.gridshift.agent.sim.FlexJobGenerator;
import io.gridshift.agent.sim.SimulatedDataCenter;
import io.gridshift.agent.sim.SimulatedResources;
import io.gridshift.agent.sim.SimulatedSiteOptions;
import io.gridshift.agent.transport.BackoffPolicy;
import io.gridshift.agent.transport.EdgeTransport;
import io.gridshift.agent.transport.StatusPayloads;
import io.gridshift.agent.transport.mqtt.MqttTransport;
import io.gridshift.agent.transport.mqtt.MqttTransportOptions;
import io.gridshift.domain.dispatch.DispatchAction;
import io.gridshift.domain.dispatch.DispatchId;
import io.gridshift.domain.dispatch.DispatchOrder;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import io.gridshift.domain.time.ManualClock;
import io.gridshift.edge.codec.EdgeCodec;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/** Builds a real agent (simulated site, real MQTT transport) on a manual clock. */
final class AgentHarness {
    static final SiteId SITE = SiteId.of("dc-sh-01");
    static final GridZone ZONE = GridZone.of("CN-SH");
    static final Instant T0 = Instant.parse("2026-07-01T06:00:00Z");
    static final ReportingOptions REPORTING =
            new ReportingOptions(
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(10),
                    Duration.ofMinutes(5),
                    Duration.ofMinutes(10),
                    Duration.ofMillis(20));

    static final BackoffPolicy FAST_BACKOFF =
            new BackoffPolicy(Duration.ofMillis(50), Duration.ofMillis(500), 2.0);

    final ManualClock clock;
    final Path data;
    final Supplier<EdgeTransport> transports;

    /** Flexible jobs of the site; {@code null}: none generated. */
    JobOptions jobs;

    CountingAdapter adapter;
    EdgeTransport transport;
    EdgeAgent agent;

    /** An agent on MQTT through the broker at {@code brokerUri}. */
    AgentHarness(ManualClock clock, Path data, String brokerUri, int telemetryQos) {
        this(clock, data, () -> mqtt(clock, brokerUri, telemetryQos));
    }

    /** An agent on whatever link {@code transports} builds (a new one for each start). */
    AgentHarness(ManualClock clock, Path data, Supplier<EdgeTransport> transports) {
        this.clock = clock;
        this.data = data;
        this.transports = transports;
    }

    static EdgeTransport mqtt(ManualClock clock, String brokerUri, int telemetryQos) {
        MqttTransportOptions options =
                MqttTransportOptions.builder(SITE, URI.create(brokerUri))
                        .telemetryQos(telemetryQos)
                        .backoff(FAST_BACKOFF)
                        .build();
        return new MqttTransport(options, StatusPayloads.of(SITE, EdgeCodec.json(), clock, "test"));
    }

    /** Builds and starts an agent over the harness's data folder (again, after a restart). */
    EdgeAgent start() {
        adapter =
                new CountingAdapter(
                        new SimulatedDataCenter(
                                SimulatedSiteOptions.typical(SITE, ZONE, 42), clock.instant()));
        transport = transports.get();
        agent =
                new EdgeAgent(
                        SITE,
                        adapter,
                        transport,
                        clock,
                        new AgentFolders(data, BufferOptions.defaults()),
                        REPORTING,
                        DispatchOptions.defaults(),
                        jobs == null ? null : new FlexJobGenerator(jobs, SITE, ZONE, T0),
                        jobs == null ? JobOptions.disabled() : jobs);
        agent.start();
        return agent;
    }

    /** Moves the clock in telemetry steps, letting the agent act on each: one reading a step. */
    void run(Duration total) {
        Duration step = REPORTING.telemetryPeriod();
        for (Duration done = Duration.ZERO; done.compareTo(total) < 0; done = done.plus(step)) {
            clock.advance(step);
            agent.cycleNow();
        }
    }

    /** An order to hold {@code kw} of batch work from {@code start} for {@code length}. */
    static DispatchOrder holdBatch(
            String id, int revision, Instant start, Duration length, double kw) {
        return new DispatchOrder(
                DispatchId.of(id),
                revision,
                null,
                SITE,
                start.minusSeconds(30),
                start,
                start.plus(length),
                List.of(new DispatchAction.Reduce(SimulatedResources.BATCH, kw)));
    }
}
