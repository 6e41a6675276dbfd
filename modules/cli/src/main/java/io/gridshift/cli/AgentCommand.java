package io.gridshift.cli;

import io.gridshift.agent.EdgeAgent;
import io.gridshift.agent.config.AgentConfig;
import io.gridshift.agent.config.AgentSetup;
import io.gridshift.domain.error.GridshiftException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gridshift agent FILE}: the edge agent of one data center until the process is stopped. */
@Command(
        name = "agent",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the edge agent of one data center until stopped; it reverts active actions"
                    + " before it exits.",
            "Settings come from FILE (properties), then the environment (GRIDSHIFT_AGENT_*)"
                    + " overrides them.",
        },
        footer = "Every option: gridshift agent --options")
public final class AgentCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "FILE", description = "agent.properties")
    Path file;

    @Option(names = "--options", description = "Print the table of settings and exit.")
    boolean printOptions;

    @Spec CommandSpec spec;

    private final Map<String, String> env;

    public AgentCommand() {
        this(System.getenv());
    }

    AgentCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        if (printOptions) {
            spec.commandLine().getOut().print(AgentConfig.table());
            spec.commandLine().getOut().flush();
            return 0;
        }
        if (file == null) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "Missing the agent's settings file (FILE)");
        }
        EdgeAgent agent;
        try {
            agent = AgentSetup.build(AgentSetup.load(file, env), Clock.systemUTC());
        } catch (GridshiftException | IllegalArgumentException e) {
            throw new BadConfiguration("agent", e.getMessage());
        }
        agent.start();
        Processes.runUntilStopped("agent", agent);
        return 0;
    }
}
