package io.gridshift.agent.gpu;

import java.io.IOException;
import java.util.List;

/**
 * Runs one external program and waits for it. An interface so that tests replay recorded output
 * instead of needing a GPU; the real one is {@link ProcessCommandRunner}.
 */
public interface CommandRunner {

    /**
     * Runs {@code command} (program and arguments, never a shell string).
     *
     * @throws IOException when the program cannot be started (missing, not executable)
     * @throws CommandTimeoutException when it runs past the runner's timeout (it is killed)
     */
    CommandResult run(List<String> command) throws IOException;

    /**
     * What the program left behind.
     *
     * @param exitCode its exit status
     * @param stdout standard output
     * @param stderr standard error
     */
    record CommandResult(int exitCode, String stdout, String stderr) {
        public CommandResult {
            stdout = stdout == null ? "" : stdout;
            stderr = stderr == null ? "" : stderr;
        }

        /** Both streams, for error messages (nvidia-smi writes some errors to stdout). */
        public String output() {
            return (stdout.strip() + "\n" + stderr.strip()).strip();
        }
    }

    /** The program ran past its time and was killed. */
    final class CommandTimeoutException extends IOException {
        private static final long serialVersionUID = 1L;

        public CommandTimeoutException(String message) {
            super(message);
        }
    }
}
