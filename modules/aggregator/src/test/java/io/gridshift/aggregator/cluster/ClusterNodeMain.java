package io.gridshift.aggregator.cluster;

import io.gridshift.aggregator.AggregatorNode;
import io.gridshift.aggregator.AggregatorOptions;
import io.gridshift.aggregator.config.AggregatorConfig;
import io.gridshift.aggregator.event.EventOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * An aggregator node in a process of its own, for the real-process cluster tests and the fail-over
 * benchmark: {@code ClusterNodeMain aggregator.properties loopPeriodMs}. As {@code AggregatorMain},
 * plus the event options those need (a closed loop every {@code loopPeriodMs}, orders from the
 * event's start), which the configuration file does not carry yet. Prints {@code node-up <id>
 * <httpPort>} once it serves.
 */
public final class ClusterNodeMain {
    private ClusterNodeMain() {}

    @SuppressWarnings("checkstyle:noPrint")
    public static void main(String[] args) throws Exception {
        AggregatorOptions options =
                AggregatorConfig.options(AggregatorConfig.load(Path.of(args[0]), System.getenv()));
        EventOptions d = EventOptions.defaults();
        EventOptions events =
                new EventOptions(
                        Duration.ofMillis(100),
                        Duration.ofMillis(Long.parseLong(args[1])),
                        Duration.ZERO,
                        d.reserveShare(),
                        d.deadband(),
                        d.gain(),
                        Duration.ofSeconds(10),
                        d.markets(),
                        d.migration(),
                        d.solver(),
                        d.reboundPeakFactor());
        AggregatorNode node = AggregatorNode.start(options, events, Clock.systemUTC());
        System.out.println("node-up " + node.nodeId() + " " + node.httpPort());
        System.out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    node.close();
                                    stopped.countDown();
                                }));
        stopped.await();
    }
}
