package io.gridshift.bench.aggregator;

import io.gridshift.aggregator.AggregatorNode;
import io.gridshift.aggregator.fleet.FleetSummary;
import io.gridshift.aggregator.fleet.Origin;
import io.gridshift.aggregator.fleet.Transport;
import io.gridshift.domain.flex.Battery;
import io.gridshift.domain.flex.DeferrableJobs;
import io.gridshift.domain.flex.FlexEnvelope;
import io.gridshift.domain.meter.Telemetry;
import io.gridshift.domain.site.GridZone;
import io.gridshift.domain.site.SiteId;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * The node's heap per site: a node (embedded broker, nothing connected), then N sites each file 20
 * readings and one valid envelope (a battery and deferrable jobs) straight into its fleet state, no
 * broker in between. Heap in use after forced GCs, before and after, divided by N.
 *
 * <pre>
 * java -Xmx2g -cp gridshift-benchmarks.jar io.gridshift.bench.aggregator.HeapPerSite 10000
 * </pre>
 */
public final class HeapPerSite {
    private static final int READINGS = 20;
    private static final int SITES_PER_BATCH = 500;

    private HeapPerSite() {}

    @SuppressWarnings("checkstyle:noPrint")
    public static void main(String[] args) throws Exception {
        int sites = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        try (AggregatorNode node = LoadSupport.startNode(null)) {
            LoadSupport.park(Duration.ofSeconds(2));
            long before = heapAfterGc();
            Origin origin = new Origin(Transport.MQTT, node.nodeId());
            Instant t0 = Instant.now().minusSeconds(READINGS * 5L);
            long start = System.nanoTime();
            for (int from = 0; from < sites; from += SITES_PER_BATCH) {
                List<CompletableFuture<?>> pending = new ArrayList<>();
                for (int i = from; i < Math.min(sites, from + SITES_PER_BATCH); i++) {
                    SiteId site = SiteId.of(LoadSupport.site(i));
                    for (int r = 0; r < READINGS; r++) {
                        double kw = 1000 + i % 100 + r;
                        pending.add(
                                node.fleet()
                                        .telemetry(
                                                new Telemetry(
                                                        site,
                                                        r + 1L,
                                                        t0.plusSeconds(5L * r),
                                                        kw,
                                                        kw * 0.8,
                                                        kw,
                                                        0,
                                                        null,
                                                        null),
                                                origin,
                                                true));
                    }
                    pending.add(
                            node.fleet()
                                    .envelope(envelope(site, i, Instant.now()), origin)
                                    .toCompletableFuture());
                }
                CompletableFuture.allOf(pending.toArray(new CompletableFuture<?>[0])).join();
            }
            double fillSecs = (System.nanoTime() - start) / 1e9;
            FleetSummary summary = LoadSupport.summary(node);
            long after = heapAfterGc();
            System.out.println(
                    String.format(
                            Locale.ROOT,
                            "aggregator-heap-per-site sites=%d readings/site=%d heapBefore=%.1f MB"
                                    + " heapAfter=%.1f MB perSite=%.0f bytes (%.2f kB)"
                                    + " sitesKnown=%d sitesOnline=%d flexKw=%.0f fill=%.1fs"
                                    + " maxHeap=%.0f MB",
                            sites,
                            READINGS,
                            before / 1e6,
                            after / 1e6,
                            (after - before) / (double) sites,
                            (after - before) / 1e3 / sites,
                            summary.sitesKnown(),
                            summary.sitesOnline(),
                            summary.flexKw(),
                            fillSecs,
                            Runtime.getRuntime().maxMemory() / 1e6));
        }
        System.exit(0);
    }

    private static FlexEnvelope envelope(SiteId site, int i, Instant now) {
        return new FlexEnvelope(
                site,
                now.minusSeconds(1),
                now.plus(Duration.ofMinutes(30)),
                GridZone.of(i % 2 == 0 ? "DE-LU" : "FR"),
                1000,
                50,
                List.of(
                        new DeferrableJobs(
                                "batch",
                                100,
                                Duration.ofHours(1),
                                Duration.ofMinutes(1),
                                0.01,
                                1.0),
                        new Battery("ups", 200, 4000, 90, 20, Duration.ofSeconds(1), 0.05)));
    }

    private static long heapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            memory.gc();
            LoadSupport.park(Duration.ofMillis(300));
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
