package io.gridshift.bench.agent;

import com.sun.management.OperatingSystemMXBean;
import io.gridshift.agent.AgentFolders;
import io.gridshift.agent.AgentStats;
import io.gridshift.agent.EdgeAgent;
import io.gridshift.agent.ReportingOptions;
import io.gridshift.agent.buffer.BufferOptions;
import io.gridshift.agent.dispatch.DispatchOptions;
import io.gridshift.agent.sim.SimulatedDataCenter;
import io.gridshift.agent.sim.SimulatedSiteOptions;
import io.gridshift.agent.transport.StatusPayloads;
import io.gridshift.agent.transport.mqtt.MqttTransport;
import io.gridshift.agent.transport.mqtt.MqttTransportOptions;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import io.gridshift.edge.codec.EdgeCodec;
import io.gridshift.fixtures.TempFolders;
import io.gridshift.fixtures.mqtt.MosquittoBroker;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * Load runner for the edge agent's footprint: N agents (simulated sites, real MQTT transport) in
 * this JVM at 1 s telemetry against a Mosquitto process (so the broker's CPU is not counted), on
 * the real clock. After a warm-up it measures this process's CPU time over the window and the heap
 * in use after a GC, and prints them with the command line that produced them.
 *
 * <pre>
 * java -Xmx64m -cp gridshift-benchmarks.jar io.gridshift.bench.agent.AgentFootprint 1 60
 * java -Xmx2g  -cp gridshift-benchmarks.jar io.gridshift.bench.agent.AgentFootprint 1000 60
 * </pre>
 *
 * Goals (issue "Edge agent"): one agent < 2 % of one core with heap <= 64 MB; 1,000 agents <= 1
 * core.
 */
public final class AgentFootprint {
    private static final Duration WARM_UP = Duration.ofSeconds(15);

    private AgentFootprint() {}

    @SuppressWarnings("checkstyle:noPrint")
    public static void main(String[] args) {
        int sites = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        Duration window = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 60);
        Path data = TempFolders.create("gridshift-footprint-");
        List<EdgeAgent> agents = new ArrayList<>();
        try (MosquittoBroker broker = new MosquittoBroker()) {
            broker.start();
            try {
                for (int i = 0; i < sites; i++) {
                    agents.add(agent(i, broker.uri(), data.resolve("site-" + i)));
                }
                agents.forEach(EdgeAgent::start);
                System.out.println(measure(agents, window));
            } finally {
                // agents first: they would log the broker's disappearance otherwise
                agents.forEach(EdgeAgent::close);
            }
        } finally {
            TempFolders.delete(data);
        }
    }

    private static String measure(List<EdgeAgent> agents, Duration window) {
        park(WARM_UP);
        Measure before = Measure.now();
        park(window);
        Measure after = Measure.now();
        long sent =
                agents.stream().map(EdgeAgent::stats).mapToLong(AgentStats::telemetrySent).sum();
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        double cpuShare =
                (after.cpuNanos - before.cpuNanos) / (double) (after.wallNanos - before.wallNanos);
        int sites = agents.size();
        return String.format(
                Locale.ROOT,
                "agent-footprint sites=%d window=%ds cpu=%.2f%% of one core (%.4f%% per site)"
                        + " heapAfterGc=%.1f MB (%.1f kB per site) maxHeap=%.0f MB threads=%d"
                        + " telemetrySent=%d",
                sites,
                window.toSeconds(),
                100 * cpuShare,
                100 * cpuShare / sites,
                heap / 1e6,
                heap / 1e3 / sites,
                Runtime.getRuntime().maxMemory() / 1e6,
                ManagementFactory.getThreadMXBean().getThreadCount(),
                sent);
    }

    private static EdgeAgent agent(int i, String brokerUri, Path folder) {
        SiteId site = SiteId.of(String.format(Locale.ROOT, "dc-bench-%04d", i));
        GridZone zone = GridZone.of(i % 2 == 0 ? "CN-SH" : "CN-NM");
        Clock clock = Clock.systemUTC();
        var adapter =
                new SimulatedDataCenter(
                        SimulatedSiteOptions.typical(site, zone, i), clock.instant());
        var transport =
                new MqttTransport(
                        MqttTransportOptions.builder(site, URI.create(brokerUri)).build(),
                        StatusPayloads.of(site, EdgeCodec.json(), clock, "bench"));
        ReportingOptions reporting =
                new ReportingOptions(
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(10),
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(10),
                        Duration.ofSeconds(1));
        return new EdgeAgent(
                site,
                adapter,
                transport,
                clock,
                new AgentFolders(folder, BufferOptions.defaults()),
                reporting,
                DispatchOptions.defaults());
    }

    private static void park(Duration d) {
        long deadline = System.nanoTime() + d.toNanos();
        for (long left = d.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    private record Measure(long cpuNanos, long wallNanos) {
        static Measure now() {
            var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            return new Measure(os.getProcessCpuTime(), System.nanoTime());
        }
    }
}
