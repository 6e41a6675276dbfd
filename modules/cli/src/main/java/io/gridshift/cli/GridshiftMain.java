package io.gridshift.cli;

import picocli.CommandLine;

/**
 * {@code java -jar gridshift.jar <command>}: the launcher's entry point. No logger here: the demo
 * sets the log level before logging starts.
 */
public final class GridshiftMain {
    private GridshiftMain() {}

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("demo")) {
            System.setProperty(
                    "gridshift.log.level", System.getProperty("gridshift.log.level", "WARN"));
        }
        System.exit(commandLine().execute(args));
    }

    /** The whole command tree, as {@code main} runs it (tests parse and print through it). */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new GridshiftCommand());
        cli.setExecutionExceptionHandler(
                (e, line, parsed) -> {
                    if (e instanceof BadConfiguration) {
                        line.getErr().println(e.getMessage());
                        return 2;
                    }
                    throw e;
                });
        return cli;
    }
}
