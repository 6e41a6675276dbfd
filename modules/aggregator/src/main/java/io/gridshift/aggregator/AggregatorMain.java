package io.gridshift.aggregator;

import io.gridshift.aggregator.config.AggregatorConfig;
import io.gridshift.aggregator.config.EventConfig;
import io.gridshift.aggregator.event.EventOptions;
import io.gridshift.domain.config.Settings;
import io.gridshift.domain.error.GridshiftException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code gridshift-aggregator [aggregator.properties]}: runs one node until the process is stopped;
 * without a file, the defaults and the environment ({@code GRIDSHIFT_AGGREGATOR_*}) make a single
 * node with the embedded broker. {@code --options} prints the option table. A bad configuration
 * exits with status 2 and a message naming the option and the rule.
 */
public final class AggregatorMain {
    private static final Logger LOG = LoggerFactory.getLogger(AggregatorMain.class);

    private AggregatorMain() {}

    @SuppressWarnings("checkstyle:noPrint")
    public static void main(String[] args) throws Exception {
        if (args.length > 1 || (args.length == 1 && args[0].startsWith("-h"))) {
            System.err.println("usage: gridshift-aggregator [aggregator.properties] | --options");
            System.exit(2);
        }
        if (args.length == 1 && args[0].equals("--options")) {
            System.out.print(AggregatorConfig.table());
            return;
        }
        AggregatorOptions options;
        EventOptions events;
        try {
            Path file = args.length == 1 ? Path.of(args[0]) : null;
            Settings settings = AggregatorConfig.load(file, System.getenv());
            options = AggregatorConfig.options(settings);
            events = EventConfig.events(settings);
        } catch (GridshiftException | IllegalArgumentException e) {
            System.err.println("gridshift-aggregator: bad configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        AggregatorNode node = AggregatorNode.start(options, events, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    LOG.info("stopping node {}", node.nodeId());
                                    node.close();
                                    stopped.countDown();
                                },
                                "gridshift-aggregator-shutdown"));
        stopped.await();
    }
}
