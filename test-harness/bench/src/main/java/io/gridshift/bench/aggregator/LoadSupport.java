package io.gridshift.bench.aggregator;

import io.gridshift.aggregator.AggregatorNode;
import io.gridshift.aggregator.AggregatorOptions;
import io.gridshift.aggregator.fleet.FleetSummary;
import io.micrometer.core.instrument.Counter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** What the aggregator load runners share: starting a node, waiting, reading its counters. */
final class LoadSupport {
    private LoadSupport() {}

    /**
     * A node on free ports with the per-site throttle off (a load test sends far above 20/s a
     * site), on {@code broker} or, when {@code null}, on its embedded broker.
     */
    static AggregatorNode startNode(String broker) throws Exception {
        AggregatorOptions o = AggregatorOptions.ephemeral().withSiteRate(0, 1);
        if (broker != null) {
            o = o.withMqtt(o.mqtt().withServer(URI.create(broker)));
        }
        return AggregatorNode.start(o, Clock.systemUTC());
    }

    /**
     * {@code count} nodes of one cluster in this JVM on {@code broker}, the first one's member
     * address listed by the others.
     */
    static java.util.List<AggregatorNode> startNodes(String broker, int count) throws Exception {
        java.util.List<AggregatorNode> nodes = new java.util.ArrayList<>();
        nodes.add(startNode(broker));
        var first = nodes.get(0).hazelcast().getCluster().getLocalMember().getAddress();
        for (int i = 1; i < count; i++) {
            AggregatorOptions o = AggregatorOptions.ephemeral().withSiteRate(0, 1);
            o =
                    o.withCluster(
                            o.cluster()
                                    .withMembers(
                                            java.util.List.of(
                                                    first.getHost() + ":" + first.getPort())));
            if (broker != null) {
                o = o.withMqtt(o.mqtt().withServer(URI.create(broker)));
            }
            nodes.add(AggregatorNode.start(o, Clock.systemUTC()));
        }
        return nodes;
    }

    /** Messages the node refused so far, every transport and reason. */
    static double rejected(AggregatorNode node) {
        return node.metrics().registry().find("gridshift.rejected.messages").counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    /** Refused messages by reason, {@code reason=count,...}; empty when none. */
    static String rejectedByReason(AggregatorNode node) {
        StringBuilder b = new StringBuilder();
        for (Counter c : node.metrics().registry().find("gridshift.rejected.messages").counters()) {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(c.getId().getTag("reason")).append('=').append((long) c.count());
        }
        return b.length() == 0 ? "none" : b.toString();
    }

    static FleetSummary summary(AggregatorNode node) throws Exception {
        return await(node.fleet().summary());
    }

    static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    static void park(Duration d) {
        long deadline = System.nanoTime() + d.toNanos();
        for (long left = d.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    static String site(int i) {
        return String.format(java.util.Locale.ROOT, "dc-%05d", i);
    }
}
