package io.gridshift.agent.gpu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Runs a program with {@link ProcessBuilder}. Output goes to temporary files rather than pipes so
 * that a chatty program can never block on a full pipe while we wait for it with a timeout.
 */
public final class ProcessCommandRunner implements CommandRunner {
    private final Duration timeout;

    /**
     * @param timeout how long a command may run before it is killed
     */
    public ProcessCommandRunner(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
    }

    @Override
    public CommandResult run(List<String> command) throws IOException {
        Path out = Files.createTempFile("gridshift-cmd", ".out");
        Path err = Files.createTempFile("gridshift-cmd", ".err");
        try {
            Process process =
                    new ProcessBuilder(command)
                            .redirectOutput(out.toFile())
                            .redirectError(err.toFile())
                            .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                            .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                // Let it die before its output files are deleted below.
                process.waitFor(1, TimeUnit.SECONDS);
                throw new CommandTimeoutException(
                        command.get(0) + " did not finish within " + timeout + "; killed");
            }
            return new CommandResult(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + command.get(0), e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static java.io.File nullDevice() {
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        return new java.io.File(windows ? "NUL" : "/dev/null");
    }
}
