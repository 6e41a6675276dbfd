package io.gridshift.agent.gpu;

import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The two nvidia-smi calls the GPU adapter needs: read every GPU, set one GPU's power limit. Every
 * failure becomes a {@link GridshiftException} whose message carries the tool's own words, since
 * "Insufficient Permissions" or "not supported" is what an operator needs to see.
 */
public final class NvidiaSmi {
    static final String BINARY = "nvidia-smi";
    static final String QUERY_FIELDS = String.join(",", GpuQueryParser.COLUMNS);
    static final List<String> QUERY =
            List.of(BINARY, "--query-gpu=" + QUERY_FIELDS, "--format=csv,noheader,nounits");

    private final CommandRunner runner;
    private final String binary;
    private final Set<Integer> gpus;

    /** Every GPU, with {@code nvidia-smi} from the PATH. */
    public NvidiaSmi(CommandRunner runner) {
        this(runner, BINARY, null);
    }

    /**
     * @param binary the program to run, a name on the PATH or a file
     * @param gpus the indices of the GPUs this adapter may read and cap; {@code null} for all
     */
    public NvidiaSmi(CommandRunner runner, String binary, Set<Integer> gpus) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.binary = Objects.requireNonNull(binary, "binary");
        this.gpus = gpus == null ? null : Set.copyOf(gpus);
    }

    /** Every GPU nvidia-smi sees (or the chosen ones), in its order. */
    public List<GpuReading> query() {
        List<String> command = new ArrayList<>(QUERY);
        command.set(0, binary);
        CommandRunner.CommandResult result = run(command, "query the GPUs");
        List<GpuReading> all = GpuQueryParser.parse(result.stdout());
        if (gpus == null) {
            return all;
        }
        List<GpuReading> chosen = new ArrayList<>();
        for (GpuReading gpu : all) {
            if (gpus.contains(gpu.index())) {
                chosen.add(gpu);
            }
        }
        return chosen;
    }

    /**
     * Sets the power limit of GPU {@code index} to {@code watts} (whole watts: the board works in
     * milliwatts but nvidia-smi rounds anyway, and whole numbers keep logs readable).
     */
    public void setPowerLimit(int index, long watts) {
        List<String> command = new ArrayList<>(setCommand(index, watts));
        command.set(0, binary);
        run(command, "set the power limit of GPU " + index + " to " + watts + " W");
    }

    static List<String> setCommand(int index, long watts) {
        return List.of(BINARY, "-i", Integer.toString(index), "-pl", Long.toString(watts));
    }

    private CommandRunner.CommandResult run(List<String> command, String what) {
        CommandRunner.CommandResult result;
        try {
            result = runner.run(command);
        } catch (CommandRunner.CommandTimeoutException e) {
            throw new GridshiftException(
                    ErrorKind.UNAVAILABLE,
                    "nvidia_smi_timeout",
                    "cannot " + what + ": " + e.getMessage(),
                    e);
        } catch (IOException e) {
            throw new GridshiftException(
                    ErrorKind.UNAVAILABLE,
                    "nvidia_smi_missing",
                    "cannot "
                            + what
                            + ": nvidia-smi is not installed or not on PATH ("
                            + e.getMessage()
                            + ")",
                    e);
        }
        if (result.exitCode() != 0) {
            throw new GridshiftException(
                    reasonKind(result.output()),
                    "nvidia_smi_failed",
                    String.format(
                            Locale.ROOT,
                            "cannot %s: nvidia-smi exited with %d: %s",
                            what,
                            result.exitCode(),
                            result.output()));
        }
        return result;
    }

    private static ErrorKind reasonKind(String output) {
        // Exit status 4 and this text both mean the agent lacks root or the device's permission.
        return output.contains("Insufficient Permissions")
                ? ErrorKind.FORBIDDEN
                : ErrorKind.UNAVAILABLE;
    }
}
