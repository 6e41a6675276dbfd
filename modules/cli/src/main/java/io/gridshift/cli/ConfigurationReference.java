package io.gridshift.cli;

import io.gridshift.agent.config.AgentConfig;
import io.gridshift.aggregator.config.AggregatorConfig;
import io.gridshift.cli.demo.DemoCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The configuration reference, {@code src/docs/configuration.md}, generated from the options
 * themselves: the aggregator's and the agent's typed option tables and the VTN's and the demo's
 * picocli options. {@code ConfigurationReferenceTest} fails when the checked-in file differs from
 * what this generates; {@code main} (or the test with {@code -Dgridshift.reference.write=true})
 * writes it again.
 */
public final class ConfigurationReference {
    /** The document's place, from the repository root. */
    public static final String PATH = "src/docs/configuration.md";

    private static final Pattern ENV_DEFAULT =
            Pattern.compile("\\$\\{env:([A-Z0-9_]+)(?::-(.*))?}");

    private ConfigurationReference() {}

    /** The whole document. */
    public static String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("# Configuration reference\n\n")
                .append("Generated from the options themselves by")
                .append(" `io.gridshift.cli.ConfigurationReference`; do not edit by hand.")
                .append(
                        " `ConfigurationReferenceTest` (modules/cli) fails when this file is stale;")
                .append(" write it again with\n`mvn -B -o -q -pl modules/cli -am test")
                .append(
                        " -Dtest=ConfigurationReferenceTest -Dsurefire.failIfNoSpecifiedTests=false")
                .append(" -Dgridshift.reference.write=true`.\n\n")
                .append("Every aggregator and agent option is a property in the file given with")
                .append(" `--config` and an environment variable, which wins over the file.\n\n")
                .append("## Aggregator (`gridshift aggregator`)\n\n")
                .append(AggregatorConfig.table())
                .append("\n## Edge agent (`gridshift agent`)\n\n")
                .append(AgentConfig.table())
                .append("\n## VTN (`gridshift vtn`)\n\n")
                .append(
                        "Each option's default comes from the environment variable named after it.\n\n")
                .append(picocliTable(new VtnCommand()))
                .append("\n## Demo (`gridshift demo`)\n\n")
                .append(picocliTable(new DemoCommand()));
        return out.toString();
    }

    /** A picocli command's options: option | environment variable | default | meaning. */
    static String picocliTable(Object command) {
        StringBuilder out = new StringBuilder("| option | env var | default | meaning |\n");
        out.append("|---|---|---|---|\n");
        // uninterpolated: the env var names and raw defaults, whatever this machine sets
        CommandLine cli = new CommandLine(command).setInterpolateVariables(false);
        for (OptionSpec o : cli.getCommandSpec().options()) {
            if (o.usageHelp() || o.versionHelp()) {
                continue;
            }
            String env = "";
            String def = o.defaultValue();
            if (def != null) {
                Matcher m = ENV_DEFAULT.matcher(def);
                if (m.matches()) {
                    env = "`" + m.group(1) + "`";
                    def = m.group(2);
                }
            }
            String meaning =
                    String.join(" ", o.description())
                            .replaceAll("\\s*Default: \\$\\{DEFAULT-VALUE}", "")
                            .replace("|", "\\|");
            out.append("| `")
                    .append(String.join("`, `", o.names()))
                    .append("` | ")
                    .append(env)
                    .append(" | ")
                    .append(def == null || def.isEmpty() ? "(none)" : "`" + def + "`")
                    .append(" | ")
                    .append(meaning)
                    .append(" |\n");
        }
        return out.toString();
    }

    /** Writes the document to {@code args[0]} (default: {@value #PATH}). */
    @SuppressWarnings("checkstyle:noPrint")
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : PATH);
        Files.writeString(file, markdown(), StandardCharsets.UTF_8);
        System.out.println("wrote " + file.toAbsolutePath());
    }
}
