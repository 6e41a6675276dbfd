package io.gridshift.cli.demo;

import io.gridshift.agent.AgentFolders;
import io.gridshift.agent.EdgeAgent;
import io.gridshift.agent.ReportingOptions;
import io.gridshift.agent.buffer.BufferOptions;
import io.gridshift.agent.dispatch.DispatchOptions;
import io.gridshift.agent.sim.SimulatedDataCenter;
import io.gridshift.agent.sim.SimulatedSiteOptions;
import io.gridshift.agent.transport.BackoffPolicy;
import io.gridshift.agent.transport.StatusPayloads;
import io.gridshift.agent.transport.mqtt.MqttTransport;
import io.gridshift.agent.transport.mqtt.MqttTransportOptions;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import io.gridshift.edge.codec.EdgeCodec;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demo's data centers: real edge agents, each on a simulated site, reporting over MQTT to the
 * aggregator's broker, all on the demo's clock. Time moves only in {@link #cycle()}.
 */
final class DemoFleet implements AutoCloseable {
    private static final BackoffPolicy FAST =
            new BackoffPolicy(Duration.ofMillis(50), Duration.ofSeconds(1), 2.0);

    private final List<EdgeAgent> agents = new ArrayList<>();
    private final List<Site> sites = new ArrayList<>();

    /** One data center: its zone and its simulation, which the demo reads as a site's meter. */
    record Site(SiteId id, DemoZone zone, SimulatedDataCenter sim) {}

    private DemoFleet() {}

    /** Starts {@code sites} agents round the zones; each reports one reading per cycle. */
    static DemoFleet start(int sites, String broker, Clock clock, Duration step, Path data) {
        ReportingOptions reporting =
                new ReportingOptions(
                        step,
                        step,
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(15),
                        Duration.ofSeconds(1));
        DemoFleet fleet = new DemoFleet();
        try {
            for (int i = 0; i < sites; i++) {
                DemoZone zone = DemoZone.of(i);
                SiteId id =
                        SiteId.of(
                                String.format(
                                        Locale.ROOT,
                                        "dc-%s-%02d",
                                        zone.code().substring(3).toLowerCase(Locale.ROOT),
                                        i / DemoZone.ALL.size() + 1));
                SimulatedDataCenter sim =
                        new SimulatedDataCenter(
                                SimulatedSiteOptions.typical(id, GridZone.of(zone.code()), i + 1L),
                                clock.instant());
                EdgeAgent agent =
                        new EdgeAgent(
                                id,
                                sim,
                                new MqttTransport(
                                        MqttTransportOptions.builder(id, URI.create(broker))
                                                .backoff(FAST)
                                                .build(),
                                        StatusPayloads.of(id, EdgeCodec.json(), clock, "demo")),
                                clock,
                                new AgentFolders(
                                        data.resolve(id.value()), BufferOptions.defaults()),
                                reporting,
                                DispatchOptions.defaults());
                agent.start();
                fleet.agents.add(agent);
                fleet.sites.add(new Site(id, zone, sim));
            }
            return fleet;
        } catch (RuntimeException e) {
            fleet.close();
            throw e;
        }
    }

    int size() {
        return agents.size();
    }

    List<Site> sites() {
        return List.copyOf(sites);
    }

    /** Every agent reads its site and reports, once, at the clock's current time. */
    void cycle() {
        agents.forEach(EdgeAgent::cycleNow);
    }

    @Override
    public void close() {
        agents.forEach(EdgeAgent::close);
        agents.clear();
    }
}
