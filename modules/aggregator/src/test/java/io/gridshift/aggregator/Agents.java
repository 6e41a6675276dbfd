package io.gridshift.aggregator;

import io.gridshift.agent.AgentFolders;
import io.gridshift.agent.EdgeAgent;
import io.gridshift.agent.ReportingOptions;
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
import io.gridshift.agent.transport.coap.CoapTransport;
import io.gridshift.agent.transport.coap.CoapTransportOptions;
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
import java.util.ArrayList;
import java.util.List;

/** Real edge agents (simulated sites) on a shared manual clock, for end-to-end tests. */
final class Agents implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-07-01T06:00:00Z");
    static final ReportingOptions REPORTING =
            new ReportingOptions(
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(10),
                    Duration.ofMinutes(5),
                    Duration.ofMinutes(10),
                    Duration.ofMillis(20));
    static final BackoffPolicy FAST =
            new BackoffPolicy(Duration.ofMillis(50), Duration.ofMillis(500), 2.0);

    final ManualClock clock;
    final Path data;
    final List<EdgeAgent> agents = new ArrayList<>();

    /** The flexible jobs each new agent's site submits (seeded by its number); null: none. */
    JobOptions jobs;

    Agents(ManualClock clock, Path data) {
        this.clock = clock;
        this.data = data;
    }

    /** Starts an agent for {@code site} in {@code zone} reporting over MQTT to {@code broker}. */
    EdgeAgent mqtt(String site, String zone, String broker) {
        SiteId id = SiteId.of(site);
        EdgeTransport transport =
                new MqttTransport(
                        MqttTransportOptions.builder(id, URI.create(broker)).backoff(FAST).build(),
                        StatusPayloads.of(id, EdgeCodec.json(), clock, "it"));
        return start(id, zone, transport);
    }

    /** Starts an agent for {@code site} reporting over CoAP to {@code aggregator} (coap://...). */
    EdgeAgent coap(String site, String zone, String aggregator) {
        SiteId id = SiteId.of(site);
        EdgeTransport transport =
                new CoapTransport(
                        CoapTransportOptions.builder(id, URI.create(aggregator))
                                .backoff(FAST)
                                .build(),
                        StatusPayloads.of(id, EdgeCodec.json(), clock, "it"));
        return start(id, zone, transport);
    }

    EdgeAgent start(SiteId id, String zone, EdgeTransport transport) {
        EdgeAgent agent =
                new EdgeAgent(
                        id,
                        new SimulatedDataCenter(
                                SimulatedSiteOptions.typical(
                                        id, GridZone.of(zone), agents.size() + 1),
                                clock.instant()),
                        transport,
                        clock,
                        new AgentFolders(data.resolve(id.value()), BufferOptions.defaults()),
                        REPORTING,
                        DispatchOptions.defaults(),
                        jobs == null
                                ? null
                                : new FlexJobGenerator(
                                        jobsOf(agents.size() + 1),
                                        id,
                                        GridZone.of(zone),
                                        clock.instant()),
                        jobs == null ? JobOptions.disabled() : jobs);
        agent.start();
        agents.add(agent);
        return agent;
    }

    private JobOptions jobsOf(int n) {
        return new JobOptions(
                true, jobs.seed() + n, jobs.jobsPerHour(), jobs.maxLead(), jobs.reportPeriod());
    }

    /** Moves the clock to {@code t} in steps of at most 30 s; every agent acts at each. */
    void runUntil(Instant t) {
        while (clock.instant().isBefore(t)) {
            Duration left = Duration.between(clock.instant(), t);
            clock.advance(
                    left.compareTo(Duration.ofSeconds(30)) < 0 ? left : Duration.ofSeconds(30));
            agents.forEach(EdgeAgent::cycleNow);
        }
    }

    /** Moves the clock in telemetry steps; every agent reads and reports at each. */
    void run(Duration total) {
        Duration step = REPORTING.telemetryPeriod();
        for (Duration done = Duration.ZERO; done.compareTo(total) < 0; done = done.plus(step)) {
            clock.advance(step);
            agents.forEach(EdgeAgent::cycleNow);
        }
    }

    /**
     * An order to hold {@code kw} of the site's batch work from {@code start} for {@code length}.
     */
    static DispatchOrder holdBatch(
            String id, String site, Instant start, Duration length, double kw) {
        return new DispatchOrder(
                DispatchId.of(id),
                1,
                null,
                SiteId.of(site),
                start.minusSeconds(30),
                start,
                start.plus(length),
                List.of(new DispatchAction.Reduce(SimulatedResources.BATCH, kw)));
    }

    @Override
    public void close() {
        for (EdgeAgent a : agents) {
            a.close();
        }
        agents.clear();
    }
}
