package io.gridshift.cli;

import io.gridshift.aggregator.AggregatorNode;
import io.gridshift.aggregator.AggregatorOptions;
import io.gridshift.aggregator.config.AggregatorConfig;
import io.gridshift.domain.error.GridshiftException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gridshift aggregator [FILE]}: one aggregator node until the process is stopped. */
@Command(
        name = "aggregator",
        mixinStandardHelpOptions = true,
        description = {
            "Runs one aggregator node (a cluster member) until stopped.",
            "Settings come from FILE (properties), then the environment (GRIDSHIFT_AGGREGATOR_*)"
                    + " overrides them; without either: one node with the embedded MQTT broker.",
        },
        footer = "Every option: gridshift aggregator --options")
public final class AggregatorCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "FILE", description = "aggregator.properties")
    Path file;

    @Option(names = "--options", description = "Print the table of settings and exit.")
    boolean printOptions;

    @Option(names = "--check", description = "Read and check the settings, then exit.")
    boolean check;

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    private final Map<String, String> env;

    public AggregatorCommand() {
        this(System.getenv());
    }

    AggregatorCommand(Map<String, String> env) {
        this.env = env;
    }

    /** The node's options from the file and the environment; a clear error names the option. */
    AggregatorOptions options() {
        try {
            return AggregatorConfig.options(AggregatorConfig.load(file, env));
        } catch (GridshiftException | IllegalArgumentException e) {
            throw new BadConfiguration("aggregator", e.getMessage());
        }
    }

    @Override
    public Integer call() throws Exception {
        if (printOptions) {
            spec.commandLine().getOut().print(AggregatorConfig.table());
            spec.commandLine().getOut().flush();
            return 0;
        }
        AggregatorOptions options = options();
        if (check) {
            spec.commandLine().getOut().println("aggregator settings are valid");
            return 0;
        }
        AggregatorNode node = AggregatorNode.start(options, Clock.systemUTC());
        Processes.runUntilStopped("aggregator", node);
        return 0;
    }
}
