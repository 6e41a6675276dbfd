package io.gridshift.agent;

import io.gridshift.agent.config.AgentConfig;
import io.gridshift.agent.config.AgentSetup;
import io.gridshift.domain.error.GridshiftException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar gridshift-edge-agent.jar agent.properties}: runs the agent until the process is
 * stopped; {@code --options} prints the option table. A bad configuration exits with status 2 and a
 * message that names the option and the rule.
 */
public final class EdgeAgentMain {
    private static final Logger LOG = LoggerFactory.getLogger(EdgeAgentMain.class);

    private EdgeAgentMain() {}

    @SuppressWarnings("checkstyle:noPrint")
    public static void main(String[] args) throws InterruptedException {
        if (args.length != 1 || args[0].startsWith("-h")) {
            System.err.println("usage: gridshift-agent <agent.properties> | --options");
            System.exit(2);
        }
        if (args[0].equals("--options")) {
            System.out.print(AgentConfig.table());
            return;
        }
        EdgeAgent agent;
        try {
            agent =
                    AgentSetup.build(
                            AgentSetup.load(Path.of(args[0]), System.getenv()), Clock.systemUTC());
        } catch (GridshiftException e) {
            System.err.println("gridshift-agent: bad configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    LOG.info("Stopping: reverting active actions first");
                                    agent.close();
                                    stopped.countDown();
                                },
                                "gridshift-agent-shutdown"));
        agent.start();
        stopped.await();
    }
}
