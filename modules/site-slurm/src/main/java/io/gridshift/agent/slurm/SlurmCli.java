package io.gridshift.agent.slurm;

import io.gridshift.agent.gpu.CommandRunner;
import io.gridshift.domain.error.ErrorKind;
import io.gridshift.domain.error.GridshiftException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The Slurm commands the adapter runs, through the agent's {@link CommandRunner} (its timeout kills
 * a command that hangs, e.g. on an unreachable slurmctld). Every failure becomes a {@link
 * GridshiftException} carrying Slurm's own words: {@code slurm_missing} (cannot start), {@code
 * slurm_timeout}, {@code slurm_failed} (non-zero exit), {@code slurm_garbage} (unreadable output).
 */
final class SlurmCli {
    private final CommandRunner runner;
    private final Path binDir;
    private final Path conf;

    /**
     * @param binDir where squeue and scontrol are; {@code null} for the PATH
     * @param conf the slurm.conf to use (SLURM_CONF); {@code null} for Slurm's own default
     */
    SlurmCli(CommandRunner runner, Path binDir, Path conf) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.binDir = binDir;
        this.conf = conf;
    }

    List<SlurmJob> jobs() {
        return SqueueParser.parse(run("list the jobs", "squeue", "--json").stdout());
    }

    void hold(String job) {
        scontrol("hold job " + job, "hold", job);
    }

    void release(String job) {
        scontrol("release job " + job, "release", job);
    }

    void suspend(String job) {
        scontrol("suspend job " + job, "suspend", job);
    }

    void resume(String job) {
        scontrol("resume job " + job, "resume", job);
    }

    void requeueHold(String job) {
        scontrol("requeue job " + job, "requeuehold", job);
    }

    void adminComment(String job, String text) {
        scontrol(
                "set the admin comment of job " + job,
                "update",
                "JobId=" + job,
                "AdminComment=" + text);
    }

    Map<String, String> partition(String name) {
        String out =
                run("read partition " + name, "scontrol", "show", "partition", name, "--oneliner")
                        .stdout();
        try {
            return PartitionLimit.fields(out);
        } catch (IllegalArgumentException e) {
            throw new GridshiftException(
                    ErrorKind.UNAVAILABLE,
                    SqueueParser.REASON,
                    "cannot read scontrol show partition " + name + ": " + e.getMessage());
        }
    }

    void updatePartition(String name, String key, String value) {
        scontrol(
                "set " + key + "=" + value + " on partition " + name,
                "update",
                "PartitionName=" + name,
                key + "=" + value);
    }

    private void scontrol(String what, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "scontrol";
        System.arraycopy(args, 0, all, 1, args.length);
        run(what, all);
    }

    private CommandRunner.CommandResult run(String what, String... command) {
        List<String> argv = new ArrayList<>();
        if (conf != null) {
            // env(1) execs the command, so the runner's timeout still kills Slurm's own process.
            argv.add("env");
            argv.add("SLURM_CONF=" + conf);
        }
        argv.add(binDir == null ? command[0] : binDir.resolve(command[0]).toString());
        argv.addAll(List.of(command).subList(1, command.length));
        CommandRunner.CommandResult result;
        try {
            result = runner.run(argv);
        } catch (CommandRunner.CommandTimeoutException e) {
            throw new GridshiftException(
                    ErrorKind.UNAVAILABLE,
                    "slurm_timeout",
                    "cannot " + what + ": " + e.getMessage(),
                    e);
        } catch (IOException e) {
            throw new GridshiftException(
                    ErrorKind.UNAVAILABLE,
                    "slurm_missing",
                    "cannot "
                            + what
                            + ": "
                            + command[0]
                            + " cannot be run ("
                            + e.getMessage()
                            + ")",
                    e);
        }
        if (result.exitCode() != 0) {
            throw new GridshiftException(
                    ErrorKind.UNAVAILABLE,
                    "slurm_failed",
                    String.format(
                            Locale.ROOT,
                            "cannot %s: %s exited with %d: %s",
                            what,
                            command[0],
                            result.exitCode(),
                            result.output()));
        }
        return result;
    }
}
