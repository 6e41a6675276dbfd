package io.gridshift.cli;

import io.gridshift.cli.demo.DemoCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code gridshift}: the top command; it only names the subcommands. */
@Command(
        name = "gridshift",
        mixinStandardHelpOptions = true,
        versionProvider = GridshiftCommand.Version.class,
        description = "Gridshift, an open virtual power plant for data centers.",
        subcommands = {
            AggregatorCommand.class,
            AgentCommand.class,
            VtnCommand.class,
            DemoCommand.class,
            BenchCommand.class,
            ScheduleCommand.class
        })
public final class GridshiftCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing a command");
    }

    /** The project's version, written into the jar by the build. */
    public static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties p = new Properties();
            try (InputStream in =
                    GridshiftCommand.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String[] {
                "gridshift " + p.getProperty("version", "unknown"),
                "Java " + System.getProperty("java.version")
            };
        }
    }
}
